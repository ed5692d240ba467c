import { Module } from '@nestjs/common';
import { AuditModule } from '@second-look/server-audit';
import { CasesModule } from '@second-look/server-cases';
import { MentionNotifier } from './mention-notifier';
import { NotificationPreferenceResolver } from './notification-preference.resolver';
import { NotificationPreferenceService } from './notification-preference.service';
import { NotificationResolver } from './notification.resolver';
import { NotificationService } from './notification.service';

/** API side: a person reads and clears their own notifications, sets how they get e-mail; @mentions in comments notify. */
@Module({
  imports: [AuditModule, CasesModule],
  providers: [NotificationService, NotificationResolver, NotificationPreferenceService, NotificationPreferenceResolver, MentionNotifier],
  exports: [NotificationService],
})
export class NotificationsApiModule {}
