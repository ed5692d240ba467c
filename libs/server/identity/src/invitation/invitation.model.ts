import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { CaregiverAccess, Role } from '@second-look/domain';
import { IsEmail, IsEnum, MaxLength } from 'class-validator';

@ObjectType('Invitation')
export class InvitationModel {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field(() => Role) role: Role;
  @Field(() => ID, { nullable: true }) caseId: string | null;
  @Field(() => CaregiverAccess, { nullable: true }) access: CaregiverAccess | null;
  @Field() expiresAt: Date;
  @Field(() => Date, { nullable: true }) acceptedAt: Date | null;
  @Field() createdAt: Date;
}

/** What the invitation page shows before the person sets a password. */
@ObjectType('InvitationPreview')
export class InvitationPreviewModel {
  @Field() organizationName: string;
  @Field(() => Role) role: Role;
  @Field() email: string;
  @Field(() => String, { nullable: true }) patientName: string | null;
}

@InputType()
export class InviteStaffInput {
  @Field() @IsEmail() @MaxLength(320) email: string;
  @Field(() => Role) @IsEnum(Role) role: Role;
}
