import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CaseEventKind, PacketItemKind, summariseVisitFeelings, visitHasStarted, VisitFeelingSummary } from '@second-look/domain';
import { CaseModel } from '@second-look/server-cases';
import { CaseEventModel } from '@second-look/server-collaboration';
import { PacketItemModel, PacketService } from '@second-look/server-records';
import { Clock, CurrentActor, GqlContext, GqlCtx, IdPipe } from '@second-look/server-platform';
import {
  AddCaseQuestionInput,
  AddOwnTimelineEntryInput,
  AppointmentAnswerModel,
  AppointmentModel,
  BookAppointmentInput,
  CancelAppointmentInput,
  CaseQuestionModel,
  MoveCaseQuestionInput,
  OwnTimelineEntryModel,
  RecordAppointmentAnswerInput,
  RecordVisitFeelingsInput,
  UpdateAppointmentInput,
  UpdateCaseQuestionInput,
  UpdateOwnTimelineEntryInput,
} from './appointments.model';
import { AppointmentService } from './appointment/appointment.service';
import { OwnTimelineService } from './own-timeline/own-timeline.service';
import { QuestionService } from './question/question.service';

/**
 * The question list, the appointments and the patient's own timeline as fields of a case (the
 * case was read, and audited, through its scope). Mutations that add or remove rows answer
 * with the case, so the client's cache replaces the list in place.
 */
@Resolver(() => CaseModel)
export class CaseAppointmentsResolver {
  constructor(
    private readonly questionService: QuestionService,
    private readonly appointmentService: AppointmentService,
    private readonly ownTimelineService: OwnTimelineService,
  ) {}

  @ResolveField(() => [CaseQuestionModel], { description: 'The patient’s questions for the second-opinion provider, in their order.' })
  questions(@Parent() kase: CaseModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<CaseQuestionModel[]> {
    return this.questionService.loader(ctx, actor).load(kase.id);
  }

  @ResolveField(() => [AppointmentModel], { description: 'Appointments with second-opinion providers, soonest first.' })
  appointments(@Parent() kase: CaseModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<AppointmentModel[]> {
    return this.appointmentService.loader(ctx, actor).load(kase.id);
  }

  @ResolveField(() => [OwnTimelineEntryModel], { description: 'The patient’s own log of symptoms and treatments tried, oldest first.' })
  ownTimeline(@Parent() kase: CaseModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<OwnTimelineEntryModel[]> {
    return this.ownTimelineService.loader(ctx, actor).load(kase.id);
  }

  @Mutation(() => CaseModel)
  addCaseQuestion(@CurrentActor() actor: Actor, @Args('input') input: AddCaseQuestionInput): Promise<CaseModel> {
    return this.questionService.add(actor, input);
  }

  @Mutation(() => CaseModel, { description: 'Adds the suggested questions the list lacks.' })
  addStarterQuestions(@CurrentActor() actor: Actor, @Args('caseId', { type: () => ID }, IdPipe) caseId: string): Promise<CaseModel> {
    return this.questionService.addStarters(actor, caseId);
  }

  @Mutation(() => CaseQuestionModel, { description: 'Refused with STALE_VERSION when someone saved in between.' })
  updateCaseQuestion(@CurrentActor() actor: Actor, @Args('input') input: UpdateCaseQuestionInput): Promise<CaseQuestionModel> {
    return this.questionService.update(actor, input);
  }

  @Mutation(() => CaseModel, { description: 'Moves a question one place up or down.' })
  moveCaseQuestion(@CurrentActor() actor: Actor, @Args('input') input: MoveCaseQuestionInput): Promise<CaseModel> {
    return this.questionService.move(actor, input);
  }

  @Mutation(() => CaseModel)
  removeCaseQuestion(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, IdPipe) id: string): Promise<CaseModel> {
    return this.questionService.remove(actor, id);
  }

  @Mutation(() => CaseModel, { description: 'Books a visit still to come; one in the past is refused.' })
  bookAppointment(@CurrentActor() actor: Actor, @Args('input') input: BookAppointmentInput): Promise<CaseModel> {
    return this.appointmentService.book(actor, input);
  }

  @Mutation(() => AppointmentModel, { description: 'Refused with STALE_VERSION when someone saved in between.' })
  updateAppointment(@CurrentActor() actor: Actor, @Args('input') input: UpdateAppointmentInput): Promise<AppointmentModel> {
    return this.appointmentService.update(actor, input);
  }

  @Mutation(() => AppointmentModel, { description: 'Calls the visit off (it stays as history); its reminders stop. Refused with STALE_VERSION when someone saved in between.' })
  cancelAppointment(@CurrentActor() actor: Actor, @Args('input') input: CancelAppointmentInput): Promise<AppointmentModel> {
    return this.appointmentService.cancel(actor, input);
  }

  @Mutation(() => AppointmentModel, { description: 'The answer to one question at this appointment; an empty answer removes it.' })
  recordAppointmentAnswer(@CurrentActor() actor: Actor, @Args('input') input: RecordAppointmentAnswerInput): Promise<AppointmentModel> {
    return this.appointmentService.recordAnswer(actor, input);
  }

  @Mutation(() => AppointmentModel, { description: 'How the visit felt, and anything said that worried the patient.' })
  recordVisitFeelings(@CurrentActor() actor: Actor, @Args('input') input: RecordVisitFeelingsInput): Promise<AppointmentModel> {
    return this.appointmentService.recordFeelings(actor, input);
  }

  @Mutation(() => CaseModel, { description: 'Adds a line to the patient’s own timeline; the packet’s own-timeline item is then in hand.' })
  addOwnTimelineEntry(@CurrentActor() actor: Actor, @Args('input') input: AddOwnTimelineEntryInput): Promise<CaseModel> {
    return this.ownTimelineService.add(actor, input);
  }

  @Mutation(() => OwnTimelineEntryModel)
  updateOwnTimelineEntry(@CurrentActor() actor: Actor, @Args('input') input: UpdateOwnTimelineEntryInput): Promise<OwnTimelineEntryModel> {
    return this.ownTimelineService.update(actor, input);
  }

  @Mutation(() => CaseModel)
  removeOwnTimelineEntry(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, IdPipe) id: string): Promise<CaseModel> {
    return this.ownTimelineService.remove(actor, id);
  }
}

@Resolver(() => AppointmentModel)
export class AppointmentResolver {
  constructor(
    private readonly appointments: AppointmentService,
    private readonly packet: PacketService,
    private readonly clock: Clock,
  ) {}

  @ResolveField(() => Boolean, { description: 'The visit has started (by the server’s clock): from then on, how it felt can be written down.' })
  started(@Parent() a: AppointmentModel): boolean {
    return visitHasStarted(a.startsAt, this.clock.now());
  }

  @ResolveField(() => [AppointmentAnswerModel])
  answers(@Parent() a: AppointmentModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<AppointmentAnswerModel[]> {
    return this.appointments.answersLoader(ctx, actor).load(a.id);
  }

  @ResolveField(() => VisitFeelingSummary)
  feelingSummary(@Parent() a: AppointmentModel): VisitFeelingSummary {
    return summariseVisitFeelings(a.feelings);
  }

  @ResolveField(() => [PacketItemModel], { description: 'What to bring: the case’s packet items, with where each stands.' })
  whatToBring(@Parent() a: AppointmentModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<PacketItemModel[]> {
    return this.packet.loader(ctx, actor).load(a.caseId);
  }
}

/** The packet's own-timeline item carries the patient's log itself. */
@Resolver(() => PacketItemModel)
export class PacketItemOwnTimelineResolver {
  constructor(private readonly ownTimeline: OwnTimelineService) {}

  @ResolveField(() => [OwnTimelineEntryModel], { description: 'For the own-timeline item: the patient’s log; empty for other kinds.' })
  async ownTimelineEntries(@Parent() item: PacketItemModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<OwnTimelineEntryModel[]> {
    if (item.kind !== PacketItemKind.OWN_TIMELINE) return [];
    return this.ownTimeline.loader(ctx, actor).load(item.caseId);
  }
}

/**
 * The changed question or appointment of a live event, read for each receiver with their own
 * rights (staff notes are selected for staff only), so a patient's copy never carries them.
 */
@Resolver(() => CaseEventModel)
export class CaseEventAppointmentsResolver {
  constructor(
    private readonly questions: QuestionService,
    private readonly appointments: AppointmentService,
  ) {}

  @ResolveField(() => CaseQuestionModel, { nullable: true })
  async question(@Parent() e: CaseEventModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<CaseQuestionModel | null> {
    if (e.kind !== CaseEventKind.QUESTION_CHANGED || !e.entityId || e.removed) return null;
    return (await this.questions.loader(ctx, actor).load(e.caseId)).find((q) => q.id === e.entityId) ?? null;
  }

  @ResolveField(() => AppointmentModel, { nullable: true })
  async appointment(@Parent() e: CaseEventModel, @CurrentActor() actor: Actor, @GqlCtx() ctx: GqlContext): Promise<AppointmentModel | null> {
    if (![CaseEventKind.APPOINTMENT_CHANGED, CaseEventKind.ANSWER_CHANGED].includes(e.kind) || !e.entityId || e.removed) return null;
    return (await this.appointments.loader(ctx, actor).load(e.caseId)).find((a) => a.id === e.entityId) ?? null;
  }
}
