import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  assertTaskFields,
  CalendarDate,
  canTickTask,
  canWriteTasks,
  CaseEventKind,
  DomainError,
  DomainErrorCode,
  isStaffRole,
  notFound,
  parseCalendarDate,
  Role,
  sortTasks,
  TaskAssignee,
} from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { CaseAccessService, CaseParticipant, PatientCase } from '@second-look/server-cases';
import { CaseEventsPublisher } from '@second-look/server-collaboration';
import { UserAccount } from '@second-look/server-identity';
import { Clock, GqlContext, isUuid, perRequest } from '@second-look/server-platform';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { CaseTask } from './case-task.entity';
import { TaskReminderScheduler } from './task-reminder.scheduler';
import { AddCaseTaskInput, SetCaseTaskDoneInput, UpdateCaseTaskInput } from './task.model';

const WHAT = 'Task';
const forbidden = (message: string) => new DomainError(DomainErrorCode.FORBIDDEN, message);
const dateOrNull = (v: string | null | undefined, field: string): CalendarDate | null => (v ? parseCalendarDate(v, field) : null);

/** Tasks of a case (docs/domain.md, "Tasks"): staff write them; the patient's side ticks the ones given to them. */
@Injectable()
export class TaskService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly events: CaseEventsPublisher,
    private readonly reminders: TaskReminderScheduler,
  ) {}

  /** The caller's tasks query: their organization, and internal tasks for staff only (in SQL). */
  query(m: EntityManager, actor: Actor, alias = 't') {
    const q = m.getRepository(CaseTask).createQueryBuilder(alias).where(`${alias}.organization_id = :taskOrg`, { taskOrg: actor.organizationId });
    if (!isStaffRole(actor.role)) q.andWhere(`NOT ${alias}.internal`);
    return q;
  }

  /** Tasks of many cases (already read through the case scope), batched per request. */
  loader(ctx: GqlContext, actor: Actor): DataLoader<string, CaseTask[]> {
    return perRequest(
      ctx,
      'case-tasks',
      () =>
        new DataLoader<string, CaseTask[]>(async (caseIds) => {
          const rows = await this.query(this.dataSource.manager, actor)
            .andWhere('t.case_id IN (:...caseIds)', { caseIds: [...caseIds] })
            .getMany();
          return caseIds.map((id) => sortTasks(rows.filter((r) => r.caseId === id)));
        }),
    );
  }

  /** The assignee must be staff of the organization, or the patient or a caregiver of this very case. */
  private async assignee(m: EntityManager, kase: PatientCase, userId: string | null): Promise<TaskAssignee | null> {
    if (!userId) return null;
    const refuse = () => new DomainError(DomainErrorCode.VALIDATION_FAILED, 'Choose someone who works on this case.', { field: 'assigneeId' });
    if (!isUuid(userId)) throw refuse();
    const user = await m.findOne(UserAccount, { where: { id: userId, organizationId: kase.organizationId, deactivatedAt: IsNull() }, select: { id: true, role: true } });
    if (!user) throw refuse();
    if (!isStaffRole(user.role) && !(await m.existsBy(CaseParticipant, { caseId: kase.id, userId, role: In([Role.PATIENT, Role.CAREGIVER]) }))) throw refuse();
    return { userId: user.id, role: user.role };
  }

  private async lockOne(m: EntityManager, actor: Actor, id: string): Promise<CaseTask> {
    if (!isUuid(id)) throw notFound(WHAT);
    const t = await this.query(m, actor).andWhere('t.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!t) throw notFound(WHAT);
    return t;
  }

  private publish(m: EntityManager, actor: Actor, kase: PatientCase, task: CaseTask, change: string, removed = false) {
    return this.events.publish(m, actor, kase, { kind: CaseEventKind.TASK_CHANGED, entityId: task.id, staffOnly: task.internal, removed, detail: { change } });
  }

  async add(actor: Actor, input: AddCaseTaskInput): Promise<CaseTask> {
    return this.dataSource.transaction(async (m) => {
      const { kase } = await this.access.requireOf(actor, input.caseId, 'read', 'Case', m);
      if (!canWriteTasks(actor.role)) throw forbidden('Only staff can add tasks. Ask your advocate.');
      const assignee = await this.assignee(m, kase, input.assigneeId ?? null);
      const draft = {
        organizationId: kase.organizationId,
        caseId: kase.id,
        title: input.title.trim(),
        details: input.details?.trim() ?? '',
        assigneeId: assignee?.userId ?? null,
        internal: input.internal ?? false,
        dueOn: dateOrNull(input.dueOn, 'dueOn'),
        remindOn: dateOrNull(input.remindOn, 'remindOn'),
        createdById: actor.userId,
      };
      assertTaskFields({ ...draft, assignee });
      const task = await m.save(m.create(CaseTask, draft));
      await this.audit.record(actor, { action: 'case_task.create', entityType: 'case_task', entityId: task.id, caseId: kase.id, detail: { internal: task.internal, reminder: !!task.remindOn } }, m);
      await this.publish(m, actor, kase, task, 'added');
      await this.reminders.reschedule(m, task);
      return task;
    });
  }

  async update(actor: Actor, input: UpdateCaseTaskInput): Promise<CaseTask> {
    return this.dataSource.transaction(async (m) => {
      const task = await this.lockOne(m, actor, input.id);
      const { kase } = await this.access.requireOf(actor, task.caseId, 'read', WHAT, m);
      if (!canWriteTasks(actor.role)) throw forbidden('Only staff can change a task.');
      if (task.version !== input.expectedVersion) {
        throw new DomainError(DomainErrorCode.STALE_VERSION, 'Someone else changed this task while you were editing. Look at their version and choose which to keep.', {
          currentVersion: task.version,
          current: { title: task.title, details: task.details, assigneeId: task.assigneeId, internal: task.internal, dueOn: task.dueOn, remindOn: task.remindOn },
        });
      }
      const fields: string[] = [];
      const set = <K extends keyof CaseTask>(k: K, v: CaseTask[K] | undefined) => {
        if (v === undefined || v === task[k]) return;
        task[k] = v;
        fields.push(k);
      };
      set('title', input.title?.trim());
      set('details', input.details?.trim());
      set('internal', input.internal ?? undefined);
      if (input.assigneeId !== undefined) set('assigneeId', (await this.assignee(m, kase, input.assigneeId))?.userId ?? null);
      if (input.dueOn !== undefined) set('dueOn', dateOrNull(input.dueOn, 'dueOn'));
      if (input.remindOn !== undefined) set('remindOn', dateOrNull(input.remindOn, 'remindOn'));
      assertTaskFields({ ...task, dueOn: task.dueOn as CalendarDate | null, remindOn: task.remindOn as CalendarDate | null, assignee: await this.assignee(m, kase, task.assigneeId) });
      if (!fields.length) return task;
      const saved = await m.save(task);
      await this.audit.record(actor, { action: 'case_task.update', entityType: 'case_task', entityId: task.id, caseId: kase.id, detail: { fields } }, m);
      await this.publish(m, actor, kase, saved, 'edited');
      if (fields.includes('remindOn')) await this.reminders.reschedule(m, saved);
      return saved;
    });
  }

  /** Done or not done, with who and when. Ticking twice changes nothing. */
  async setDone(actor: Actor, input: SetCaseTaskDoneInput): Promise<CaseTask> {
    return this.dataSource.transaction(async (m) => {
      const task = await this.lockOne(m, actor, input.id);
      const { kase, can } = await this.access.requireOf(actor, task.caseId, 'read', WHAT, m);
      if (!canTickTask(actor, task, can.edit)) throw forbidden('This task is for someone else. You can see it, but only they or the staff can check it off.');
      if (!!task.doneAt === input.done) return task;
      Object.assign(task, input.done ? { doneAt: this.clock.now(), doneById: actor.userId } : { doneAt: null, doneById: null });
      const saved = await m.save(task);
      await this.audit.record(actor, { action: input.done ? 'case_task.done' : 'case_task.undone', entityType: 'case_task', entityId: task.id, caseId: kase.id }, m);
      await this.publish(m, actor, kase, saved, input.done ? 'done' : 'undone');
      await this.reminders.reschedule(m, saved);
      return saved;
    });
  }

  async remove(actor: Actor, id: string): Promise<string> {
    return this.dataSource.transaction(async (m) => {
      const task = await this.lockOne(m, actor, id);
      const { kase } = await this.access.requireOf(actor, task.caseId, 'read', WHAT, m);
      if (!canWriteTasks(actor.role)) throw forbidden('Only staff can remove a task.');
      await m.delete(CaseTask, { id: task.id });
      await this.reminders.cancel(m, [task.id]);
      await this.audit.record(actor, { action: 'case_task.delete', entityType: 'case_task', entityId: task.id, caseId: kase.id }, m);
      await this.publish(m, actor, kase, task, 'removed', true);
      return task.caseId;
    });
  }
}
