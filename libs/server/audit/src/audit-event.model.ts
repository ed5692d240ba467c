import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { PageInfo } from '@second-look/server-platform';

@ObjectType('AuditEvent')
export class AuditEventModel {
  @Field(() => ID) id: string;
  @Field() at: Date;
  /** Resolved to a User by the identity library. */
  actorUserId: string | null;
  @Field() action: string;
  @Field() entityType: string;
  @Field(() => ID, { nullable: true }) entityId: string | null;
  @Field(() => ID, { nullable: true }) caseId: string | null;
  @Field(() => String, { nullable: true }) ip: string | null;
  @Field(() => String, { nullable: true }) userAgent: string | null;
}

@ObjectType('AuditEventConnection')
export class AuditEventConnection {
  @Field(() => [AuditEventModel]) nodes: AuditEventModel[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@InputType()
export class AuditFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() caseId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() actorId?: string;
}

