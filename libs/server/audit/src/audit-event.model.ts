import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
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
  /** Only sign-ins, failed sign-ins, sign-in step changes, password resets, signed-out devices and role changes. */
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() securityOnly?: boolean;
  /** Only refused attempts on records (another organization's or patient's, or ids that do not exist), their counted summaries and burst alerts. */
  @Field(() => Boolean, { nullable: true, description: 'Only refused attempts on records, their summaries and burst alerts.' }) @IsOptional() @IsBoolean() deniedOnly?: boolean;
}
