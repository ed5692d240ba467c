import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, CalendarDate, CaseEventKind, DomainError, DomainErrorCode, LegalClock, moveHolderReceipt, parseCalendarDate } from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { CaseEventsPublisher } from '@second-look/server-collaboration';
import { DataSource } from 'typeorm';
import { RecordReminderScheduler } from './record-reminder.scheduler';
import { RecordRequest } from './record-request.entity';
import { RecordRequestService } from './record-request.service';
import { SetHolderReceivedOnInput } from './holder-receipt.model';

/**
 * Correcting when the holder received a request: a versioned field edit. The patient (who
 * called the office) and the advocate (who has the fax confirmation) may both do it; a save
 * made against an older version is refused with the value saved since, never overwriting it.
 */
@Injectable()
export class HolderReceiptService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: RecordRequestService,
    private readonly reminders: RecordReminderScheduler,
    private readonly audit: AuditService,
    private readonly events: CaseEventsPublisher,
  ) {}

  async set(actor: Actor, input: SetHolderReceivedOnInput): Promise<RecordRequest> {
    return this.dataSource.transaction(async (m) => {
      const { request, kase } = await this.requests.load(actor, input.requestId, 'edit', m, true);
      if (request.version !== input.expectedVersion) {
        throw new DomainError(DomainErrorCode.STALE_VERSION, 'Someone else changed this request while you were editing. Compare their date with yours and choose which to keep.', {
          currentVersion: request.version,
          current: { holderReceivedOn: request.holderReceivedOn, legalDueOn: request.legalDueOn },
        });
      }
      const today = await this.requests.today(actor, m);
      const receivedOn = parseCalendarDate(input.holderReceivedOn, 'holderReceivedOn');
      const clock: LegalClock = {
        holderReceivedOn: (request.holderReceivedOn ?? request.sentOn) as CalendarDate,
        dueOn: request.legalDueOn as CalendarDate,
        originalDueOn: request.originalLegalDueOn as CalendarDate,
        extension: request.extensionReason ? { newDueOn: request.legalDueOn as CalendarDate, reason: request.extensionReason } : null,
      };
      const moved = moveHolderReceipt(clock, request.sentOn as CalendarDate, receivedOn, today);
      request.holderReceivedOn = receivedOn;
      request.legalDueOn = moved.dueOn;
      request.originalLegalDueOn = moved.originalDueOn;
      const saved = await m.save(request);
      await this.reminders.schedule(m, saved);
      await this.audit.record(
        actor,
        { action: 'record_request.holder_received', entityType: 'record_request', entityId: request.id, caseId: request.caseId, detail: { fields: ['holderReceivedOn'] } },
        m,
      );
      await this.events.publish(m, actor, kase, { kind: CaseEventKind.RECORD_REQUEST_UPDATED, entityId: request.id, detail: { fields: ['holderReceivedOn'] } });
      return saved;
    });
  }
}
