import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from '@second-look/server-audit';
import { JobsModule } from '@second-look/server-jobs';
import { AuthGuard } from './auth/auth.guard';
import { AuthResolver } from './auth/auth.resolver';
import { AuthService } from './auth/auth.service';
import { LoginRateLimiter } from './auth/login-rate-limiter';
import { PasswordService } from './auth/password.service';
import { InvitationHooks } from './invitation/invitation-hooks';
import { InvitationResolver } from './invitation/invitation.resolver';
import { InvitationService } from './invitation/invitation.service';
import { SessionService } from './session/session.service';
import { DeviceService } from './device/device.service';
import { PasswordResetService } from './recovery/password-reset.service';
import { RecoveryResolver } from './recovery/recovery.resolver';
import { SignUpService } from './recovery/sign-up.service';
import { AuditActorResolver } from './user/audit-actor.resolver';
import { MemberResolver } from './user/member.resolver';
import { UserService } from './user/user.service';

@Module({
  imports: [AuditModule, JobsModule],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    AuthService,
    AuthResolver,
    PasswordService,
    SessionService,
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
  ],
  exports: [UserService, InvitationService, InvitationHooks, PasswordService, SessionService],
})
export class IdentityModule {}
