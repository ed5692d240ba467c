import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CaseEventKind } from '@second-look/domain';

registerEnumType(CaseEventKind, { name: 'CaseEventKind', description: 'What changed on a case (live events and the activity feed).' });

@ObjectType('CaseEvent', {
  description:
    'Something changed on a case you are looking at. Select the entity fields you need (case, comment, packetItem, recordRequest…): each is read for you, with your rights, when the event reaches you; null when it is not of that kind or you may not see it.',
})
export class CaseEventModel {
  @Field(() => ID) id: string;
  @Field(() => CaseEventKind) kind: CaseEventKind;
  @Field(() => ID) caseId: string;
  @Field(() => ID, { nullable: true, description: 'The changed (or removed) entity.' }) entityId: string | null;
  @Field({ description: 'The entity was removed: drop it from the screen.' }) removed: boolean;
  @Field({ description: 'Only staff receive it (internal comment, staff notes).' }) staffOnly: boolean;
  @Field() at: Date;
  actorId: string | null;
  detail: Record<string, unknown> | null;
  organizationId: string;
  /** Filled per receiver by the subscription's scope check (e.g. the case as they may see it). */
  receiverCase?: unknown;
}
