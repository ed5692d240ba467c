import {
  addDays,
  AppointmentMode,
  CaseStage,
  CaseTrigger,
  PacketItemKind,
  PacketItemState,
  planTargetDate,
  ResponsibleParty,
  Role,
  startLegalClock,
  StarterQuestion,
  todayInZone,
  Urgency,
  zonedDateTimeToInstant,
} from '@second-look/domain';
import { Appointment, CaseQuestion } from '@second-look/server-appointments';
import { CaseParticipant, CaseStageChange, PatientCase } from '@second-look/server-cases';
import { ARGON2_OPTIONS, UserAccount } from '@second-look/server-identity';
import { PacketItem, RecordRequest, RecordRequestItem, RequestMethod } from '@second-look/server-records';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { DEMO, DEMO_PASSWORD } from './demo-seed';

/** Fixed ids of the Spanish-speaking demo patient and her case. */
export const DEMO_SPANISH = {
  user: '0b000000-0000-4000-8000-000000000008',
  email: 'paciente@harbor.example',
  name: 'Rosa Martínez',
  case: '0c000000-0000-4000-8000-000000000006',
  appointment: '1d000000-0000-4000-8000-000000000002',
} as const;

/**
 * A patient who reads Spanish first (README, demo table): her account's language and her case's
 * preferred language are Spanish, so her screens, her e-mails and the library's words are in
 * Spanish, while the advocate reads the same case in English. Her case has two open record
 * requests (one letter in Spanish, one in English for a US records office) and a booked
 * visit with the suggested questions.
 *
 * CLI seed only, like the demo records and appointment: the test suites seed the demo
 * organizations too and count what they hold.
 */
export async function seedDemoSpanish(ds: DataSource, now = new Date()): Promise<void> {
  const harbor = DEMO.orgs.harbor;
  const zone = 'America/Chicago';
  const today = todayInZone(now, zone);
  const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
  const passwordHash = await argon2.hash(DEMO_PASSWORD, ARGON2_OPTIONS);
  await ds.transaction(async (m) => {
    await m
      .createQueryBuilder()
      .insert()
      .into(UserAccount)
      .orIgnore()
      .values({
        id: DEMO_SPANISH.user,
        organizationId: harbor,
        email: DEMO_SPANISH.email,
        displayName: DEMO_SPANISH.name,
        role: Role.PATIENT,
        passwordHash,
        language: 'es',
      })
      .execute();
    await m
      .createQueryBuilder()
      .insert()
      .into(PatientCase)
      .orIgnore()
      .values({
        id: DEMO_SPANISH.case,
        organizationId: harbor,
        createdById: DEMO.users.harborAdvocate,
        createdAt: daysAgo(15),
        patientName: DEMO_SPANISH.name,
        patientEmail: DEMO_SPANISH.email,
        preferredLanguage: 'es',
        question: '¿Necesito la cirugía de tiroides ahora, o puedo esperar y hacer otra biopsia?',
        diagnosisInDoubt: 'Nódulo tiroideo con biopsia indeterminada (Bethesda III); el cirujano propone quitar la mitad de la tiroides',
        triggers: [CaseTrigger.UNCERTAIN_DIAGNOSIS, CaseTrigger.RISKY_TREATMENT],
        urgency: Urgency.ROUTINE,
        stage: CaseStage.PREPARE,
        leadAdvocateId: DEMO.users.harborAdvocate,
        summary: 'Rosa prefers to be called in Spanish. Her daughter helps with the portal.',
        currentDoctorSpecialty: 'Surgery',
        currentDoctorSubSpecialty: 'Endocrine surgery',
      })
      .execute();
    await m
      .createQueryBuilder()
      .insert()
      .into(CaseParticipant)
      .orIgnore()
      .values({ id: '0d000000-0000-4000-8000-000000000004', caseId: DEMO_SPANISH.case, userId: DEMO_SPANISH.user, role: Role.PATIENT, access: null })
      .execute();
    const moves: Array<[string, CaseStage | null, CaseStage, number]> = [
      ['18', null, CaseStage.DECIDE, 15],
      ['19', CaseStage.DECIDE, CaseStage.TALK_TO_DOCTOR, 13],
      ['20', CaseStage.TALK_TO_DOCTOR, CaseStage.GATHER_RECORDS, 11],
      ['21', CaseStage.GATHER_RECORDS, CaseStage.PREPARE, 2],
    ];
    await m
      .createQueryBuilder()
      .insert()
      .into(CaseStageChange)
      .orIgnore()
      .values(
        moves.map(([n, fromStage, toStage, ago]) => ({
          id: `0f000000-0000-4000-8000-0000000000${n}`,
          organizationId: harbor,
          caseId: DEMO_SPANISH.case,
          fromStage,
          toStage,
          byUserId: DEMO.users.harborAdvocate,
          at: daysAgo(ago),
        })),
      )
      .execute();

    // The holders are the demo's own (seedDemoRecords runs first).
    const item = (n: string, kind: PacketItemKind, title: string, holderId: string) => ({
      id: `2b000000-0000-4000-8000-0000000000${n}`,
      organizationId: harbor,
      caseId: DEMO_SPANISH.case,
      kind,
      title,
      state: PacketItemState.REQUESTED,
      holderId,
      responsible: ResponsibleParty.ADVOCATE,
    });
    await m
      .createQueryBuilder()
      .insert()
      .into(PacketItem)
      .orIgnore()
      .values([
        item('11', PacketItemKind.IMAGING_DISC, 'Ultrasonido de tiroides', '2a000000-0000-4000-8000-000000000001'),
        item('12', PacketItemKind.PATHOLOGY_SLIDES, 'Laminillas de la biopsia', '2a000000-0000-4000-8000-000000000002'),
      ])
      .execute();
    const request = (n: string, holderId: string, method: RequestMethod, sentDaysAgo: number, letterLanguage: 'en' | 'es') => {
      const sentOn = addDays(today, -sentDaysAgo);
      const legal = startLegalClock(sentOn, null);
      return {
        id: `2c000000-0000-4000-8000-0000000000${n}`,
        organizationId: harbor,
        caseId: DEMO_SPANISH.case,
        holderId,
        method,
        sentOn,
        holderReceivedOn: null,
        planTargetOn: planTargetDate(sentOn, Urgency.ROUTINE),
        legalDueOn: legal.dueOn,
        originalLegalDueOn: legal.originalDueOn,
        createdById: DEMO.users.harborAdvocate,
        letterLanguage,
      };
    };
    await m
      .createQueryBuilder()
      .insert()
      .into(RecordRequest)
      .orIgnore()
      .values([request('11', '2a000000-0000-4000-8000-000000000001', RequestMethod.FAX, 6, 'en'), request('12', '2a000000-0000-4000-8000-000000000002', RequestMethod.PORTAL, 9, 'es')])
      .execute();
    await m
      .createQueryBuilder()
      .insert()
      .into(RecordRequestItem)
      .orIgnore()
      .values([
        { requestId: '2c000000-0000-4000-8000-000000000011', packetItemId: '2b000000-0000-4000-8000-000000000011' },
        { requestId: '2c000000-0000-4000-8000-000000000012', packetItemId: '2b000000-0000-4000-8000-000000000012' },
      ])
      .execute();

    // Her visit, booked a week and a half ahead; the worker's start-up re-scan plans its reminders.
    await m
      .createQueryBuilder()
      .insert()
      .into(Appointment)
      .orIgnore()
      .values({
        id: DEMO_SPANISH.appointment,
        organizationId: harbor,
        caseId: DEMO_SPANISH.case,
        startsAt: zonedDateTimeToInstant(addDays(today, 10), 9, 0, zone),
        mode: AppointmentMode.IN_PERSON,
        place: 'Lakeshore University Medical Center, Endocrine Surgery, 3rd floor',
        providerName: 'Dr. Helen Park',
        bringNotes: 'Su tarjeta del seguro médico, la lista de sus medicinas y el disco del ultrasonido.',
        createdById: DEMO.users.harborAdvocate,
      })
      .execute();
    await m
      .createQueryBuilder()
      .insert()
      .into(CaseQuestion)
      .orIgnore()
      .values([
        {
          id: '1e000000-0000-4000-8000-000000000011',
          organizationId: harbor,
          caseId: DEMO_SPANISH.case,
          starter: StarterQuestion.AGREE_WITH_DIAGNOSIS,
          text: '',
          position: 0,
          createdById: DEMO_SPANISH.user,
        },
        { id: '1e000000-0000-4000-8000-000000000012', organizationId: harbor, caseId: DEMO_SPANISH.case, starter: StarterQuestion.MORE_TESTS, text: '', position: 1, createdById: DEMO_SPANISH.user },
        {
          id: '1e000000-0000-4000-8000-000000000013',
          organizationId: harbor,
          caseId: DEMO_SPANISH.case,
          starter: null,
          text: '¿Voy a tener que tomar pastillas de tiroides toda la vida?',
          position: 2,
          createdById: DEMO_SPANISH.user,
        },
      ])
      .execute();
  });
}
