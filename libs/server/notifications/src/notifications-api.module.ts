import { Module } from '@nestjs/common';
import { AuditModule } from '@second-look/server-audit';
import { NotificationPreferenceResolver } from './notification-preference.resolver';
import { NotificationPreferenceService } from './notification-preference.service';
import { NotificationResolver } from './notification.resolver';
import { NotificationService } from './notification.service';

/** API side: a person reads and clears their own notifications and sets how they get e-mail. */
@Module({ imports: [AuditModule], providers: [NotificationService, NotificationResolver, NotificationPreferenceService, NotificationPreferenceResolver], exports: [NotificationService] })
export class NotificationsApiModule {}
