import { Module } from '@nestjs/common';
import { NotificationResolver } from './notification.resolver';
import { NotificationService } from './notification.service';

/** API side: a person reads and clears their own notifications. */
@Module({ providers: [NotificationService, NotificationResolver], exports: [NotificationService] })
export class NotificationsApiModule {}
