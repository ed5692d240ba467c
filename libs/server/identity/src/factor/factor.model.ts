import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SignInFactorKind } from '@second-look/domain';
import { IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

registerEnumType(SignInFactorKind, { name: 'SignInFactorKind' });

@ObjectType('SignInFactor', { description: 'A second sign-in step of yours: an authenticator app or a passkey.' })
export class SignInFactorModel {
  @Field(() => ID) id: string;
  @Field(() => SignInFactorKind) kind: SignInFactorKind;
  @Field() label: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) lastUsedAt: Date | null;
}

@ObjectType('AccountSecurity')
export class AccountSecurityModel {
  @Field(() => [SignInFactorModel]) factors: SignInFactorModel[];
  @Field(() => Int, { description: 'Recovery codes not used yet.' }) recoveryCodesLeft: number;
  @Field({ description: 'Your organization requires you (staff) to have a second sign-in step.' }) required: boolean;
}

@ObjectType('TotpEnrollment', { description: 'An authenticator app being added: the secret to scan or type, until a first code confirms it.' })
export class TotpEnrollmentModel {
  @Field(() => ID) factorId: string;
  @Field({ description: 'The secret in base32, to type into the app.' }) secret: string;
  @Field({ description: 'The otpauth:// link the QR code holds.' }) uri: string;
}

@ObjectType('FactorAdded')
export class FactorAddedModel {
  @Field(() => [String], { nullable: true, description: 'Your recovery codes, shown this once (only with your first step).' })
  recoveryCodes: string[] | null;
}

@ObjectType('DeviceSession', { description: 'A browser where you are signed in.' })
export class DeviceSessionModel {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true }) browser: string | null;
  @Field(() => String, { nullable: true }) os: string | null;
  @Field() mobile: boolean;
  @Field(() => String, { nullable: true, description: 'The address it last signed in from.' }) ip: string | null;
  @Field() signedInAt: Date;
  @Field() lastSeenAt: Date;
  @Field({ description: 'The browser asking.' }) current: boolean;
}

@ObjectType('StaffSecurity')
export class StaffSecurityModel {
  @Field() requireStaffMfa: boolean;
  @Field(() => [ID], { description: 'Members (staff, patients and caregivers) who have a second sign-in step.' }) membersWithSecondStep: string[];
}

@ObjectType('PasskeySignIn')
export class PasskeySignInModel {
  @Field() token: string;
  @Field({ description: 'The options for navigator.credentials.get, as JSON.' }) options: string;
}

@InputType()
export class ConfirmTotpInput {
  @Field(() => ID) @IsUUID() factorId: string;
  @Field() @IsString() @Matches(/^\s*\d{3}\s?\d{3}\s*$/, { message: 'code must be the 6 digits the app shows' }) code: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(100) label?: string | null;
}

@InputType()
export class FinishPasskeyInput {
  @Field() @IsString() @IsNotEmpty() @MaxLength(16384) response: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(100) label?: string | null;
}
