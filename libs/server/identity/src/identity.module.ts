import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AuditModule } from '@second-look/server-audit';
import { JobsModule } from '@second-look/server-jobs';
import { TenantScopeInterceptor } from './auth/tenant-scope.interceptor';
import { AuthGuard } from './auth/auth.guard';
import { AuthResolver } from './auth/auth.resolver';
import { AuthService } from './auth/auth.service';
import { DeniedAccessInterceptor, DeniedAccessRecorder } from './auth/denied-access';
import { LoginRateLimiter } from './auth/login-rate-limiter';
import { PasswordService } from './auth/password.service';
import { InvitationHooks } from './invitation/invitation-hooks';
import { InvitationResolver } from './invitation/invitation.resolver';
import { InvitationService } from './invitation/invitation.service';
import { SessionRevocations } from './session/session-revocations';
import { SessionService } from './session/session.service';
import { DeviceService } from './device/device.service';
import { PasswordResetService } from './recovery/password-reset.service';
import { RecoveryResolver } from './recovery/recovery.resolver';
import { SignUpService } from './recovery/sign-up.service';
import { AuditActorResolver } from './user/audit-actor.resolver';
import { MemberResolver } from './user/member.resolver';
import { UserService } from './user/user.service';
import { FactorResolver } from './factor/factor.resolver';
import { FactorService } from './factor/factor.service';
import { SecondStepService } from './factor/second-step.service';
import { SignInChallenges } from './factor/sign-in-challenges';

@Module({
  imports: [AuditModule, JobsModule],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_INTERCEPTOR, useClass: TenantScopeInterceptor },
    { provide: APP_INTERCEPTOR, useClass: DeniedAccessInterceptor },
    DeniedAccessRecorder,
    AuthService,
    AuthResolver,
    PasswordService,
    SessionService,
    SessionRevocations,
    DeviceService,
    LoginRateLimiter,
    PasswordResetService,
    SignUpService,
    RecoveryResolver,
    UserService,
    MemberResolver,
    AuditActorResolver,
    InvitationHooks,
    InvitationService,
    InvitationResolver,
    FactorService,
    FactorResolver,
    SecondStepService,
    SignInChallenges,
  ],
  exports: [UserService, InvitationService, InvitationHooks, PasswordService, SessionService, SessionRevocations, DeniedAccessRecorder],
})
export class IdentityModule {}
