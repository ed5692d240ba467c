import { Module } from '@nestjs/common';
import { AuditModule } from '@second-look/server-audit';
import { CasesModule } from '@second-look/server-cases';
import { CollaborationModule } from '@second-look/server-collaboration';
import { JobsModule } from '@second-look/server-jobs';
import { MemberOpenWorkResolver } from './member-open-work.resolver';
import { MyDayResolver } from './my-day.resolver';
import { MyDayService } from './my-day.service';
import { TaskReminderScheduler } from './task-reminder.scheduler';
import { CaseTaskResolver, CaseTasksResolver } from './task.resolver';
import { TaskService } from './task.service';

@Module({
  imports: [AuditModule, CasesModule, CollaborationModule, JobsModule],
  providers: [TaskService, TaskReminderScheduler, CaseTasksResolver, CaseTaskResolver, MyDayService, MyDayResolver, MemberOpenWorkResolver],
  exports: [TaskService],
})
export class TasksModule {}
