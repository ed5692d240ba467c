import { Module } from '@nestjs/common';
import { AuditModule } from '@second-look/server-audit';
import { CasesModule } from '@second-look/server-cases';
import { IdentityModule } from '@second-look/server-identity';
import { DeniedBurstNotifier } from './denied-burst-notifier';
import { MentionNotifier } from './mention-notifier';
import { NotificationPreferenceResolver } from './notification-preference.resolver';
import { NotificationPreferenceService } from './notification-preference.service';
import { NotificationResolver } from './notification.resolver';
import { NotificationService } from './notification.service';

/** API side: a person reads and clears their own notifications, sets how they get e-mail; @mentions in comments notify; admins hear of bursts of refused attempts. */
@Module({
  imports: [AuditModule, CasesModule, IdentityModule],
  providers: [NotificationService, NotificationResolver, NotificationPreferenceService, NotificationPreferenceResolver, MentionNotifier, DeniedBurstNotifier],
  exports: [NotificationService],
})
export class NotificationsApiModule {}
