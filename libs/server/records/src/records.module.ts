import { Module } from '@nestjs/common';
import { AuditModule } from '@second-look/server-audit';
import { CasesModule } from '@second-look/server-cases';
import { CollaborationModule } from '@second-look/server-collaboration';
import { IdentityModule } from '@second-look/server-identity';
import { JobsModule } from '@second-look/server-jobs';
import { DocumentsModule } from './document/documents.module';
import { RecordHolderService } from './holder/record-holder.service';
import { RecordsCaseDefaultsModule } from './packet/default-packet.subscriber';
import { PacketService } from './packet/packet.service';
import {
  CaseEventRecordsResolver,
  CaseRecordsResolver,
  PacketItemResolver,
  RecordBoardHolderGroupResolver,
  RecordFollowUpResolver,
  RecordHolderResolver,
  RecordRequestItemResolver,
  RecordRequestResolver,
} from './records.resolver';
import { RecordBoardService } from './request/record-board.service';
import { RecordRequestService } from './request/record-request.service';
import { RecordReminderScheduler } from './request/record-reminder.scheduler';
import { ReminderSettingsResolver } from './reminder-settings/reminder-settings.resolver';
import { ReminderSettingsService } from './reminder-settings/reminder-settings.service';
import { HolderReceiptResolver } from './request/holder-receipt.resolver';
import { HolderReceiptService } from './request/holder-receipt.service';
import { LetterLanguageResolver } from './request/letter-language.resolver';
import { LetterLanguageService } from './request/letter-language.service';

@Module({
  imports: [AuditModule, IdentityModule, CasesModule, DocumentsModule, JobsModule, CollaborationModule, RecordsCaseDefaultsModule],
  providers: [
    RecordHolderService,
    PacketService,
    RecordRequestService,
    RecordBoardService,
    RecordReminderScheduler,
    HolderReceiptService,
    HolderReceiptResolver,
    LetterLanguageService,
    LetterLanguageResolver,
    RecordHolderResolver,
    CaseRecordsResolver,
    CaseEventRecordsResolver,
    PacketItemResolver,
    RecordRequestResolver,
    RecordRequestItemResolver,
    RecordFollowUpResolver,
    RecordBoardHolderGroupResolver,
    ReminderSettingsService,
    ReminderSettingsResolver,
  ],
  exports: [PacketService, RecordRequestService, RecordHolderService],
})
export class RecordsModule {}
