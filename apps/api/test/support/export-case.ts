import { AppointmentMode, CaseOutcome, InsuranceOutcome, InsurancePlanType, PacketItemKind, RecordsReleaseState, StarterQuestion, Urgency } from '@second-look/domain';
import { Appointment, AppointmentAnswer, CaseQuestion } from '@second-look/server-appointments';
import { InsuranceCall, InsurancePlan } from '@second-look/server-insurance';
import { CaseDecision, CaseOpinion } from '@second-look/server-opinions';
import { ProviderCandidate } from '@second-look/server-providers';
import { CaseDocument, documentKey, FollowUpChannel, ObjectStorage, PacketItem, RecordFollowUp, RecordHolder, RecordRequest, RecordRequestItem, RequestMethod } from '@second-look/server-records';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

/** Words that are staff-only or must never reach a calendar: tests look for their absence. */
export const SECRET = {
  staffNote: 'STAFF-ONLY: payer rep hinted at denial',
  opinionStaffNote: 'STAFF-ONLY: surgeon was defensive',
  fileName: 'pathology-report-carcinoma.pdf',
};

export interface ExportCase {
  organizationId: string;
  caseId: string;
  advocateId: string;
  appointmentIds: string[];
  requestIds: string[];
  documentIds: string[];
  fileBytes: Buffer;
}

/**
 * Fills a case with a whole journey: a chosen candidate, record requests with follow-ups,
 * documents (stored for real), two appointments (one canceled), questions with answers,
 * insurance with a call, two opinions and a decision. `scale` multiplies requests and documents.
 */
export async function fillExportCase(
  ds: DataSource,
  storage: ObjectStorage,
  ids: { organizationId: string; caseId: string; advocateId: string },
  opts: { requests?: number; documents?: number; startsAt?: Date[]; fileBytes?: number } = {},
): Promise<ExportCase> {
  const { organizationId, caseId, advocateId } = ids;
  const base = { organizationId, caseId };
  const fileBytes = opts.fileBytes ? Buffer.alloc(opts.fileBytes, 'x') : Buffer.from('%PDF-1.4\n% a small test file\n');
  return ds.transaction(async (m) => {
    const holder = await m.save(
      m.create(RecordHolder, { organizationId, name: "St. Mary's Hospital", department: 'Health Information', phone: '312-555-0100', fax: '312-555-0101', address: '1 Main St\nChicago, IL' }),
    );
    const candidate = await m.save(
      m.create(ProviderCandidate, {
        ...base,
        name: 'Dr. Grace Park',
        specialty: 'Surgical oncology',
        subSpecialty: 'Breast',
        institution: 'Lakeside University Hospital',
        chosen: true,
        chosenReason: 'Academic center',
        chosenAt: new Date(),
        chosenById: advocateId,
        staffNotes: SECRET.staffNote,
      }),
    );
    const items: PacketItem[] = [];
    const requests: RecordRequest[] = [];
    const nRequests = opts.requests ?? 2;
    for (let i = 0; i < nRequests; i++) {
      const item = await m.save(
        m.create(PacketItem, { ...base, kind: i % 2 ? PacketItemKind.LABS : PacketItemKind.PATHOLOGY_REPORT, title: `Item ${i + 1}`, holderId: holder.id, staffNotes: SECRET.staffNote }),
      );
      items.push(item);
      const r = await m.save(
        m.create(RecordRequest, {
          ...base,
          holderId: holder.id,
          method: RequestMethod.FAX,
          sentOn: '2026-10-20',
          planTargetOn: '2026-11-03',
          legalDueOn: '2026-11-19',
          originalLegalDueOn: '2026-11-19',
          createdById: advocateId,
          completedOn: i === 1 ? '2026-11-01' : null,
        }),
      );
      await m.save(m.create(RecordRequestItem, { requestId: r.id, packetItemId: item.id }));
      await m.save(m.create(RecordFollowUp, { organizationId, requestId: r.id, channel: FollowUpChannel.CALL, outcome: 'They said next week.', byUserId: advocateId }));
      requests.push(r);
    }
    const documents: CaseDocument[] = [];
    for (let i = 0; i < (opts.documents ?? 2); i++) {
      const key = documentKey(organizationId, caseId);
      await storage.put(key, fileBytes, { contentType: 'application/pdf', sizeBytes: fileBytes.length, sha256: createHash('sha256').update(fileBytes).digest('hex') });
      documents.push(
        await m.save(
          m.create(CaseDocument, {
            ...base,
            packetItemId: items[i % items.length].id,
            storageKey: key,
            fileName: i === 0 ? SECRET.fileName : `file-${i}.pdf`,
            contentType: 'application/pdf',
            sizeBytes: String(fileBytes.length),
            sha256: createHash('sha256').update(fileBytes).digest('hex'),
            uploadedById: advocateId,
          }),
        ),
      );
    }
    const starts = opts.startsAt ?? [new Date('2026-10-30T15:00:00Z'), new Date('2026-11-02T16:00:00Z')];
    const appointments: Appointment[] = [];
    for (const [i, startsAt] of starts.entries()) {
      appointments.push(
        await m.save(
          m.create(Appointment, {
            ...base,
            startsAt,
            mode: AppointmentMode.IN_PERSON,
            place: 'Lakeside University Hospital, Building B, floor 3',
            providerName: 'Dr. Grace Park',
            candidateId: candidate.id,
            bringNotes: 'Insurance card',
            staffNotes: SECRET.staffNote,
            createdById: advocateId,
            cancelledAt: i === 0 && starts.length > 1 ? new Date() : null,
          }),
        ),
      );
    }
    const q1 = await m.save(m.create(CaseQuestion, { ...base, starter: StarterQuestion.AGREE_WITH_DIAGNOSIS, text: '', position: 0, createdById: advocateId }));
    await m.save(m.create(CaseQuestion, { ...base, starter: null, text: 'Can I keep working during treatment?', position: 1, createdById: advocateId }));
    await m.save(m.create(AppointmentAnswer, { ...base, appointmentId: appointments[appointments.length - 1].id, questionId: q1.id, answer: 'Mostly yes.', updatedById: advocateId }));
    // The demo seed gives some cases a plan already (one per case).
    if (!(await m.findOneBy(InsurancePlan, { caseId })))
      await m.save(m.create(InsurancePlan, { ...base, payer: 'Blue Lake Health', planType: InsurancePlanType.COMMERCIAL, memberId: 'M123', groupNumber: 'G9' }));
    await m.save(
      m.create(InsuranceCall, {
        ...base,
        calledOn: '2026-10-21',
        representative: 'Jo',
        referenceNumber: 'REF-1',
        covered: true,
        preAuthRequired: true,
        preAuthNumber: 'PA-77',
        preAuthValidFrom: '2026-10-21',
        preAuthValidTo: '2026-12-15',
        outcome: InsuranceOutcome.NEEDS_PRE_AUTHORISATION,
        notes: 'Covered in network.',
        staffNotes: SECRET.staffNote,
        byUserId: advocateId,
      }),
    );
    await m.save(
      m.create(CaseOpinion, {
        ...base,
        number: 1,
        providerName: 'Dr. Adams',
        givenOn: '2026-10-01',
        diagnosis: 'Stage II',
        recommendedPlan: 'Mastectomy',
        urgency: Urgency.URGENT,
        reasoning: 'Size',
        staffNotes: SECRET.opinionStaffNote,
        createdById: advocateId,
      }),
    );
    const second = await m.save(
      m.create(CaseOpinion, {
        ...base,
        number: 2,
        providerName: 'Dr. Grace Park',
        candidateId: candidate.id,
        givenOn: '2026-11-02',
        diagnosis: 'Stage II',
        recommendedPlan: 'Lumpectomy and radiation',
        urgency: Urgency.ROUTINE,
        reasoning: 'Margins',
        sourceDocumentId: documents[0]?.id ?? null,
        createdById: advocateId,
      }),
    );
    await m.save(
      m.create(CaseDecision, {
        ...base,
        decision: 'Lumpectomy',
        reasons: 'Less invasive',
        chosenOpinionId: second.id,
        recordsRelease: RecordsReleaseState.NOT_NEEDED,
        outcome: CaseOutcome.CHANGED_TREATMENT,
        updatedById: advocateId,
      }),
    );
    return { ...ids, appointmentIds: appointments.map((a) => a.id), requestIds: requests.map((r) => r.id), documentIds: documents.map((d) => d.id), fileBytes };
  });
}
