import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, MinLength, Validate, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { LANGUAGES, type Language } from '@second-look/domain';
import { LanguageEnum } from '@second-look/server-platform';
import { MIN_PASSWORD_LENGTH } from './password.service';

@ValidatorConstraint({ name: 'timeZone' })
export class IsIanaTimeZone implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }
  defaultMessage(): string {
    return 'timeZone must be an IANA time zone such as America/Chicago';
  }
}

@InputType()
export class SignUpInput {
  @Field() @IsString() @IsNotEmpty() @MaxLength(200) organizationName: string;
  @Field() @Validate(IsIanaTimeZone) timeZone: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(200) displayName: string;
  @Field() @IsEmail() @MaxLength(320) email: string;
  @Field() @IsString() @MinLength(MIN_PASSWORD_LENGTH) @MaxLength(200) password: string;
  /** The language chosen on the signed-out page (kept in the browser until now); stored on the person. */
  @Field(() => LanguageEnum, { nullable: true }) @IsOptional() @IsIn(LANGUAGES) language?: Language | null;
}

@InputType()
export class SignInInput {
  @Field() @IsString() @MaxLength(320) email: string;
  @Field() @IsString() @MaxLength(200) password: string;
  /** The language chosen on the signed-out page (kept in the browser until now); stored on the person. */
  @Field(() => LanguageEnum, { nullable: true }) @IsOptional() @IsIn(LANGUAGES) language?: Language | null;
}

@InputType()
export class AcceptInvitationInput {
  @Field() @IsString() @MaxLength(100) token: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(200) displayName: string;
  @Field() @IsString() @MinLength(MIN_PASSWORD_LENGTH) @MaxLength(200) password: string;
  /** The language chosen on the signed-out page (kept in the browser until now); stored on the person. */
  @Field(() => LanguageEnum, { nullable: true }) @IsOptional() @IsIn(LANGUAGES) language?: Language | null;
}

@InputType()
export class RequestPasswordResetInput {
  @Field() @IsEmail() @MaxLength(320) email: string;
}

@InputType()
export class ResetPasswordInput {
  @Field() @IsString() @MaxLength(100) token: string;
  @Field() @IsString() @MinLength(MIN_PASSWORD_LENGTH) @MaxLength(200) password: string;
}

/** The second step of a sign-in: one of a code from the app, a recovery code, or a passkey's answer. */
@InputType()
export class CompleteSignInInput {
  @Field() @IsString() @MaxLength(100) challenge: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(12) code?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(40) recoveryCode?: string | null;
  /** The JSON the browser's passkey produced (navigator.credentials.get). */
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(16384) passkeyResponse?: string | null;
}
