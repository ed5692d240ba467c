import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  DomainError,
  DomainErrorCode,
  draftRecordRequestLetter,
  letterParagraphs,
  notFound,
  PACKET_ITEM_KIND_ORDER,
  PacketItemKind,
  parseCalendarDate,
  RecordDeliveryMethod,
} from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { CaseAccessService, PatientCase } from '@second-look/server-cases';
import { Organization, UserAccount } from '@second-look/server-identity';
import { isUuid } from '@second-look/server-platform';
import { DataSource } from 'typeorm';
import { RecordHolder } from '../holder/record-holder.entity';
import { PacketItem } from '../packet/packet-item.entity';
import { RecordRequestItem } from '../request/record-request-item.entity';
import { RecordRequest, RequestMethod } from '../request/record-request.entity';
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

@Injectable()
export class RequestLetterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The request's letter as a PDF: the text saved on the request when there is one (what was
   * actually sent), else a fresh draft from the case, dated the day the request was sent.
   */
  async pdf(actor: Actor, requestId: string): Promise<{ pdf: Buffer; fileName: string }> {
    if (!isUuid(requestId)) throw notFound('Record request');
    const m = this.dataSource.manager;
    const request = await m.findOne(RecordRequest, { where: { id: requestId, organizationId: actor.organizationId } });
    if (!request) throw notFound('Record request');
    let kase: PatientCase;
    try {
      ({ kase } = await this.access.require(actor, request.caseId, 'read'));
    } catch (e) {
      if (e instanceof DomainError && e.code === DomainErrorCode.NOT_FOUND) throw notFound('Record request');
      throw e;
    }
    const holder = await m.findOne(RecordHolder, { where: { id: request.holderId, organizationId: actor.organizationId } });

    let letter: PrintableLetter;
    if (request.letter.trim()) {
      letter = { title: null, paragraphs: letterParagraphs(request.letter) };
    } else {
      const [items, org, advocate] = await Promise.all([
        m
          .createQueryBuilder(PacketItem, 'p')
          .innerJoin(RecordRequestItem, 'ri', 'ri.packet_item_id = p.id')
          .where('ri.request_id = :id AND p.organization_id = :org', { id: request.id, org: actor.organizationId })
          .select(['p.id', 'p.kind', 'p.title', 'p.createdAt'])
          .orderBy('p.created_at', 'ASC')
          .getMany(),
        m.findOneByOrFail(Organization, { id: actor.organizationId }),
        kase.leadAdvocateId ? m.findOne(UserAccount, { where: { id: kase.leadAdvocateId, organizationId: actor.organizationId }, select: { id: true, displayName: true } }) : null,
      ]);
      const rank = (k: PacketItemKind): number => PACKET_ITEM_KIND_ORDER.indexOf(k);
      const draft = draftRecordRequestLetter({
        patientName: kase.patientName,
        patientEmail: kase.patientEmail,
        holder: { name: holder?.name ?? 'Medical records department', department: holder?.department, address: holder?.address },
        items: [...items].sort((a, b) => rank(a.kind) - rank(b.kind)).map((i) => ({ kind: i.kind, title: i.title })),
        ...defaultDelivery(request.method, kase.patientEmail),
        date: parseCalendarDate(request.sentOn, 'sentOn'),
        organizationName: org.name,
        advocateName: advocate?.displayName ?? null,
      });
      letter = { title: draft.subject, paragraphs: draft.paragraphs };
    }

    const pdf = await renderLetterPdf(letter, { documentTitle: `Request for medical records: ${kase.patientName}` });
    await this.audit.record(actor, { action: 'record_request.letter_download', entityType: 'record_request', entityId: request.id, caseId: request.caseId, detail: { drafted: !request.letter.trim() } });
    const holderPart = holder ? `${slug(holder.name)}-` : '';
    return { pdf, fileName: `records-request-${holderPart}${request.sentOn}.pdf` };
  }
}
