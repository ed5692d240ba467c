import { Module } from '@nestjs/common';
import { CasesModule } from '@second-look/server-cases';
import { MentionNotifier } from './mention-notifier';
import { NotificationResolver } from './notification.resolver';
import { NotificationService } from './notification.service';

/** API side: a person reads and clears their own notifications; @mentions in comments notify. */
@Module({ imports: [CasesModule], providers: [NotificationService, NotificationResolver, MentionNotifier], exports: [NotificationService] })
export class NotificationsApiModule {}
