import { Module } from '@nestjs/common';
import { AuditModule } from '@second-look/server-audit';
import { CasesModule } from '@second-look/server-cases';
import { CollaborationModule } from '@second-look/server-collaboration';
import { RecordsModule } from '@second-look/server-records';
import { SuggestedQuestionsResolver } from './question/suggested-questions.resolver';
import { AppointmentResolver, CaseAppointmentsResolver, CaseEventAppointmentsResolver, PacketItemOwnTimelineResolver } from './appointments.resolver';
import { AppointmentService } from './appointment/appointment.service';
import { OwnTimelineService } from './own-timeline/own-timeline.service';
import { AppointmentsJobsModule } from './reminders/appointment-reminder.job-source';
import { QuestionService } from './question/question.service';
import { AppointmentsCaseDefaultsModule } from './question/starter-questions.subscriber';

@Module({
  imports: [AuditModule, CasesModule, RecordsModule, CollaborationModule, AppointmentsJobsModule, AppointmentsCaseDefaultsModule],
  providers: [
    QuestionService,
    AppointmentService,
    OwnTimelineService,
    CaseAppointmentsResolver,
    AppointmentResolver,
    PacketItemOwnTimelineResolver,
    CaseEventAppointmentsResolver,
    SuggestedQuestionsResolver,
  ],
  exports: [AppointmentService, QuestionService],
})
export class AppointmentsModule {}
