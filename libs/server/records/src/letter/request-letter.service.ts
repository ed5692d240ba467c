import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  assertFollowUpLetterDue,
  CalendarDate,
  draftFollowUpLetter,
  draftRecordRequestLetter,
  isOutstandingState,
  letterParagraphs,
  LETTER_WORDS,
  notFound,
  PACKET_ITEM_KIND_ORDER,
  PacketItemKind,
  parseCalendarDate,
  RecordDeliveryMethod,
} from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { CaseAccessService, PatientCase } from '@second-look/server-cases';
import { Organization, UserAccount } from '@second-look/server-identity';
import { Clock, isUuid } from '@second-look/server-platform';
import { DataSource } from 'typeorm';
import { RecordHolder } from '../holder/record-holder.entity';
import { PacketItem } from '../packet/packet-item.entity';
import { RecordRequestItem } from '../request/record-request-item.entity';
import { RecordRequest, RequestMethod } from '../request/record-request.entity';
import { orgToday, requireCaseOf } from '../scope';
import { PrintableLetter, renderLetterPdf } from './letter-pdf';

/**
 * Where the copies should go when nobody said: the portal if the request went through it,
 * else the patient's e-mail (fastest), else the home address the holder has on file.
 */
export function defaultDelivery(method: RequestMethod, patientEmail: string | null): { deliveryMethod: RecordDeliveryMethod; deliverTo: string | null } {
  if (method === RequestMethod.PORTAL) return { deliveryMethod: RecordDeliveryMethod.PORTAL, deliverTo: null };
  if (patientEmail) return { deliveryMethod: RecordDeliveryMethod.EMAIL, deliverTo: patientEmail };
  return { deliveryMethod: RecordDeliveryMethod.MAIL, deliverTo: null };
}

const slug = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

/** The request, its case and holder, as the caller may read them; anything else is "Record request not found". */
interface ReadableRequest {
  request: RecordRequest;
  kase: PatientCase;
  holder: RecordHolder | null;
}

@Injectable()
export class RequestLetterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * The request's letter as a PDF: the text saved on the request when there is one (what was
   * actually sent), else a fresh draft from the case, dated the day the request was sent.
   */
  async pdf(actor: Actor, requestId: string): Promise<{ pdf: Buffer; fileName: string }> {
    const { request, kase, holder } = await this.readable(actor, requestId);
    let letter: PrintableLetter;
    if (request.letter.trim()) {
      letter = { title: null, paragraphs: letterParagraphs(request.letter) };
    } else {
      const draft = draftRecordRequestLetter({ ...(await this.letterBasics(actor, request, kase, holder)), date: parseCalendarDate(request.sentOn, 'sentOn') });
      letter = { title: draft.subject, paragraphs: draft.paragraphs };
    }

    const language = request.letterLanguage;
    const pdf = await renderLetterPdf(letter, { documentTitle: LETTER_WORDS[language].request.documentTitle(kase.patientName), language });
    await this.audit.record(actor, {
      action: 'record_request.letter_download',
      entityType: 'record_request',
      entityId: request.id,
      caseId: request.caseId,
      detail: { drafted: !request.letter.trim() },
    });
    return { pdf, fileName: `records-request-${fileHolderPart(holder)}${request.sentOn}.pdf` };
  }

  /**
   * The follow-up letter for an open request past its legal response date (the extended one if
   * the holder gave notice), dated today in the organization's time zone. Always a fresh draft:
   * it asks again for what is still outstanding. Refused with NOT_OVERDUE (409) otherwise.
   */
  async followUpPdf(actor: Actor, requestId: string): Promise<{ pdf: Buffer; fileName: string }> {
    const { request, kase, holder } = await this.readable(actor, requestId);
    const m = this.dataSource.manager;
    const today = await orgToday(m, this.clock, actor.organizationId);
    const day = (value: string, field: string): CalendarDate => parseCalendarDate(value, field);
    const legalDueOn = day(request.legalDueOn, 'legalDueOn');
    assertFollowUpLetterDue(
      { sentOn: day(request.sentOn, 'sentOn'), planTargetOn: day(request.planTargetOn, 'planTargetOn'), legalDueOn, completedOn: request.completedOn ? day(request.completedOn, 'completedOn') : null },
      today,
    );
    const draft = draftFollowUpLetter({
      ...(await this.letterBasics(actor, request, kase, holder)),
      date: today,
      sentOn: day(request.sentOn, 'sentOn'),
      holderReceivedOn: request.holderReceivedOn ? day(request.holderReceivedOn, 'holderReceivedOn') : null,
      legalDueOn,
      extension: request.extensionReason ? { originalDueOn: day(request.originalLegalDueOn, 'originalLegalDueOn'), reason: request.extensionReason } : null,
    });
    const pdf = await renderLetterPdf(
      { title: draft.subject, paragraphs: draft.paragraphs },
      { documentTitle: LETTER_WORDS[request.letterLanguage].followUp.documentTitle(kase.patientName), language: request.letterLanguage },
    );
    await this.audit.record(actor, {
      action: 'record_request.follow_up_letter_download',
      entityType: 'record_request',
      entityId: request.id,
      caseId: request.caseId,
      detail: { legalDueOn, on: today },
    });
    return { pdf, fileName: `records-follow-up-${fileHolderPart(holder)}${today}.pdf` };
  }

  private async readable(actor: Actor, requestId: string): Promise<ReadableRequest> {
    if (!isUuid(requestId)) throw notFound('Record request');
    const m = this.dataSource.manager;
    const request = await m.findOne(RecordRequest, { where: { id: requestId, organizationId: actor.organizationId } });
    if (!request) throw notFound('Record request');
    const { kase } = await requireCaseOf(this.access, actor, request.caseId, 'read', 'Record request');
    const holder = await m.findOne(RecordHolder, { where: { id: request.holderId, organizationId: actor.organizationId } });
    return { request, kase, holder };
  }

  /** What both letters are drafted from: the patient, the holder, the items, the delivery, who helps. */
  private async letterBasics(actor: Actor, request: RecordRequest, kase: PatientCase, holder: RecordHolder | null) {
    const m = this.dataSource.manager;
    const [items, org, advocate] = await Promise.all([
      m
        .createQueryBuilder(PacketItem, 'p')
        .innerJoin(RecordRequestItem, 'ri', 'ri.packet_item_id = p.id')
        .where('ri.request_id = :id AND p.organization_id = :org', { id: request.id, org: actor.organizationId })
        .select(['p.id', 'p.kind', 'p.title', 'p.state', 'p.createdAt'])
        .orderBy('p.created_at', 'ASC')
        .getMany(),
      m.findOneByOrFail(Organization, { id: actor.organizationId }),
      kase.leadAdvocateId ? m.findOne(UserAccount, { where: { id: kase.leadAdvocateId, organizationId: actor.organizationId }, select: { id: true, displayName: true } }) : null,
    ]);
    const rank = (k: PacketItemKind): number => PACKET_ITEM_KIND_ORDER.indexOf(k);
    return {
      patientName: kase.patientName,
      patientEmail: kase.patientEmail,
      holder: { name: holder?.name ?? LETTER_WORDS[request.letterLanguage].defaultHolder, department: holder?.department, address: holder?.address },
      // "Answered" as the request's completion counts it: received, or the holder does not have it.
      items: [...items].sort((a, b) => rank(a.kind) - rank(b.kind)).map((i) => ({ kind: i.kind, title: i.title, answered: !isOutstandingState(i.state) })),
      ...defaultDelivery(request.method, kase.patientEmail),
      organizationName: org.name,
      advocateName: advocate?.displayName ?? null,
      // Both letters of a request in the language staff chose for it.
      language: request.letterLanguage,
    };
  }
}

const fileHolderPart = (holder: RecordHolder | null): string => (holder ? `${slug(holder.name)}-` : '');
