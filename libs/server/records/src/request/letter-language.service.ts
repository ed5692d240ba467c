import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, CaseEventKind, DomainError, DomainErrorCode, isStaffRole } from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { CaseEventsPublisher } from '@second-look/server-collaboration';
import { DataSource } from 'typeorm';
import { RecordRequest } from './record-request.entity';
import { RecordRequestService } from './record-request.service';
import { SetLetterLanguageInput } from './letter-language.model';

/**
 * Changing the language of a request's letters after it was made: a versioned field edit by
 * staff (the holder is theirs to write to). The letters are drawn when downloaded, so the next
 * request or follow-up letter comes out in the new language. A request letter saved in the old
 * language cannot be translated: it is set aside (never dropped: it may be what was sent, and
 * edited by hand), and the next one is a fresh draft in the new language, as choosing a language
 * on the new-request form writes the letter again. Changing back brings the set-aside letter back.
 */
@Injectable()
export class LetterLanguageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: RecordRequestService,
    private readonly audit: AuditService,
    private readonly events: CaseEventsPublisher,
  ) {}

  async set(actor: Actor, input: SetLetterLanguageInput): Promise<RecordRequest> {
    return this.dataSource.transaction(async (m) => {
      const { request, kase } = await this.requests.load(actor, input.requestId, 'edit', m, true);
      if (!isStaffRole(actor.role)) throw new DomainError(DomainErrorCode.FORBIDDEN, 'Only staff choose the language of a request’s letters.');
      if (request.version !== input.expectedVersion) {
        throw new DomainError(DomainErrorCode.STALE_VERSION, 'Someone else changed this request while you were editing. Compare their choice with yours and choose which to keep.', {
          currentVersion: request.version,
          current: { letterLanguage: request.letterLanguage },
        });
      }
      const from = request.letterLanguage;
      const changed = from !== input.letterLanguage;
      const setAside = changed ? swapSetAsideLetter(request, input.letterLanguage) : false;
      const saved = await m.save(request);
      await this.audit.record(
        actor,
        {
          action: 'record_request.letter_language',
          entityType: 'record_request',
          entityId: request.id,
          caseId: request.caseId,
          detail: { from, to: input.letterLanguage, letterRedrafted: changed && !request.letter.trim(), letterSetAside: setAside, letterRestored: changed && request.letter.trim() !== '' },
        },
        m,
      );
      await this.events.publish(m, actor, kase, { kind: CaseEventKind.RECORD_REQUEST_UPDATED, entityId: request.id, detail: { fields: ['letterLanguage'] } });
      return saved;
    });
  }
}

/**
 * Puts the saved letter aside and brings back the one kept for `to`, if any. Returns whether a
 * letter was set aside. With two languages there is at most one letter aside.
 */
export function swapSetAsideLetter(request: Pick<RecordRequest, 'letter' | 'letterLanguage' | 'setAsideLetter' | 'setAsideLetterLanguage'>, to: RecordRequest['letterLanguage']): boolean {
  const from = request.letterLanguage;
  const back = request.setAsideLetterLanguage === to ? request.setAsideLetter : '';
  const aside = request.letter.trim() !== '';
  if (aside) {
    request.setAsideLetter = request.letter;
    request.setAsideLetterLanguage = from;
  } else if (request.setAsideLetterLanguage === to) {
    request.setAsideLetter = '';
    request.setAsideLetterLanguage = null;
  }
  request.letter = back;
  request.letterLanguage = to;
  return aside;
}
