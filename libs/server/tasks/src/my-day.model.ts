import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MyDayItemKind, MyDayUrgency, RecordClock } from '@second-look/domain';

registerEnumType(MyDayItemKind, { name: 'MyDayItemKind' });
registerEnumType(MyDayUrgency, { name: 'MyDayUrgency' });
registerEnumType(RecordClock, { name: 'RecordClock' });

@ObjectType('MyDayItem', { description: 'One thing due on a case, with what its one action needs.' })
export class MyDayItemModel {
  @Field({ description: 'Stable within the answer: kind and the row it is about.' }) key: string;
  @Field(() => MyDayItemKind) kind: MyDayItemKind;
  @Field(() => MyDayUrgency) urgency: MyDayUrgency;
  @Field({ description: 'The date it is due (for a visit: its day).' }) on: string;
  @Field(() => ID) caseId: string;
  @Field() patientName: string;
  @Field(() => String, { nullable: true }) leadAdvocateName: string | null;
  @Field(() => ID, { nullable: true }) taskId: string | null;
  @Field(() => String, { nullable: true }) taskTitle: string | null;
  @Field(() => ID, { nullable: true }) recordRequestId: string | null;
  @Field(() => String, { nullable: true }) holderName: string | null;
  @Field(() => RecordClock, { nullable: true }) recordClock: RecordClock | null;
  @Field(() => [ID], { description: 'Packet items the request still waits for (what "mark received" marks).' }) outstandingItemIds: string[];
  @Field(() => ID, { nullable: true }) appointmentId: string | null;
  @Field(() => ID, { nullable: true }) notificationId: string | null;
}

@ObjectType('MyDay')
export class MyDayModel {
  @Field({ description: "Today in the organization's calendar." }) today: string;
  @Field(() => ID, { nullable: true, description: 'Whose day this is; null for the whole organization.' }) advocateId: string | null;
  @Field(() => [MyDayItemModel]) items: MyDayItemModel[];
  @Field(() => Int) overdueCount: number;
}
