/**
 * Live collaboration transport (GraphQL subscriptions over graphql-ws, Redis pub/sub across
 * API replicas, presence). How another area uses it:
 *
 * 1. Publish every change to a case, inside the transaction that makes it:
 *
 *      constructor(private readonly events: CaseEventsPublisher) {}   // import CollaborationModule
 *      ...
 *      await this.events.publish(m, actor, kase, { kind: CaseEventKind.QUESTION_CHANGED, entityId: q.id, staffOnly: false });
 *
 *    `m` is the transaction's EntityManager (or null outside one). It writes a case_activity
 *    row in that transaction and sends the event over Redis only after COMMIT. Pass
 *    `staffOnly: true` for anything a patient or caregiver must not see, `removed: true` for a
 *    deletion, `detail` for non-clinical facts the feed may word ({ fields: ['title'] }), and
 *    `activity: false` for a live signal with no feed line (e.g. each keystroke of a note).
 *    Kinds are `CaseEventKind` in libs/domain/src/collaboration (add one there if needed).
 *
 * 2. Receivers subscribe with `caseEvents(caseId)` (libs/server/cases/src/live). Every event
 *    is re-checked against the receiver's case scope and `staffOnly` before it is sent, and
 *    audited. To give clients the changed entity itself, add a field to the `CaseEvent`
 *    GraphQL type from your own library, resolved with the receiver's actor, e.g.
 *
 *      @Resolver(() => CaseEventModel) class CaseEventQuestionsResolver {
 *        @ResolveField(() => QuestionModel, { nullable: true })
 *        question(@Parent() e: CaseEventModel, @CurrentActor() actor: Actor) {
 *          return e.kind === CaseEventKind.QUESTION_CHANGED && !e.removed ? this.questions.findVisible(actor, e.entityId) : null;
 *        }
 *      }
 *
 *    Field resolvers get a fresh per-event context memo, so DataLoaders never serve an older event's rows.
 *
 * 3. A channel of your own (e.g. Yjs updates of a shared note): `RedisPubSub.publish(name,
 *    payload)` / `listen(name, fn)` and `LiveStream` (an AsyncIterator a subscription
 *    resolver can return; `enqueue` an async per-receiver check before each value). Check the
 *    receiver's scope per message, as caseEvents does; the socket is already authenticated
 *    (ctx.actor), limited and heart-beaten by LiveConnections.
 */
export * from './case-event';
export * from './case-event.model';
export * from './case-activity.entity';
export * from './case-events.publisher';
export * from './case-live.service';
export * from './collaboration.module';
export * from './live-audit';
export * from './live-connections';
export * from './live-stream';
export * from './presence.store';
export * from './redis-pubsub';

import { CaseActivity } from './case-activity.entity';
export const COLLABORATION_ENTITIES = [CaseActivity];
