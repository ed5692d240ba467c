import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '@second-look/server-platform';

@ObjectType('Notification')
export class NotificationModel {
  @Field(() => ID) id: string;
  @Field() kind: string;
  @Field(() => ID, { nullable: true }) caseId: string | null;
  @Field(() => ID, { nullable: true }) recordRequestId: string | null;
  @Field(() => String, { nullable: true }) dueOn: string | null;
  @Field(() => Date, { nullable: true }) readAt: Date | null;
  @Field() createdAt: Date;
}

@ObjectType('NotificationConnection')
export class NotificationConnection {
  @Field(() => [NotificationModel]) nodes: NotificationModel[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) unreadCount: number;
}
