import {
  addDays,
  AppointmentMode,
  CalendarDate,
  CaseStage,
  CaseTrigger,
  PacketItemKind,
  PacketItemState,
  planTargetDate,
  Role,
  startLegalClock,
  todayInZone,
  Urgency,
  zonedDateTimeToInstant,
} from '@second-look/domain';
import { Appointment } from '@second-look/server-appointments';
import { CaseStageChange, PatientCase } from '@second-look/server-cases';
import { ARGON2_OPTIONS, UserAccount } from '@second-look/server-identity';
import { PacketItem, RecordHolder, RecordRequest, RecordRequestItem, RequestMethod } from '@second-look/server-records';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { DEMO, DEMO_PASSWORD } from './demo-seed';

/** Three more advocates, so the board and the case list read like a real team's. */
export const DEMO_TEAM = [
  { id: '0b000000-0000-4000-8000-000000000021', email: 'advocate3@harbor.example', name: 'Priya Patel' },
  { id: '0b000000-0000-4000-8000-000000000022', email: 'advocate4@harbor.example', name: 'Marcus Johnson' },
  { id: '0b000000-0000-4000-8000-000000000023', email: 'advocate5@harbor.example', name: 'Elena Ruiz' },
] as const;

const HOLDERS = [
  'Bayside Radiology',
  'Saint Anne Medical Group',
  'Prairie Pathology Lab',
  'Cedar Grove Orthopedics',
  'Summit Cardiology',
  'Harbor View Hospital',
  'Westfield Oncology',
  'Granite Peak Imaging',
  'Maple Ridge Clinic',
  'Oak Park Surgical Center',
  'Silver Lake Neurology',
  'Pine Valley Dermatology',
  'Redwood Family Practice',
  'Willow Creek Hospital',
  'Northgate Sleep Center',
  'Lakeside Gastroenterology',
  'Meadowbrook Rheumatology',
];
const FIRST = [
  'Anna',
  'Benjamin',
  'Carmen',
  'Derek',
  'Fatima',
  'George',
  'Hannah',
  'Isaac',
  'Julia',
  'Kwame',
  'Leah',
  'Mateo',
  'Nora',
  'Oliver',
  'Pilar',
  'Quentin',
  'Rachel',
  'Samuel',
  'Tanya',
  'Victor',
  'Wendy',
  'Yusuf',
];
const LAST = [
  'Abbott',
  'Baptiste',
  'Castillo',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Gallagher',
  'Ibrahim',
  'Jensen',
  'Kowalski',
  'Lindqvist',
  'Moreau',
  'Novak',
  "O'Neill",
  'Petrov',
  'Quinn',
  'Rossi',
  'Sato',
  'Tran',
  'Vega',
];
const CONCERNS: Array<[string, string, CaseTrigger[]]> = [
  ['Is surgery really needed for my knee?', 'Torn meniscus; arthroscopy proposed', [CaseTrigger.RISKY_TREATMENT]],
  ['Is this the right diagnosis?', 'Multiple sclerosis, early', [CaseTrigger.UNCERTAIN_DIAGNOSIS]],
  ['Should I start chemotherapy now?', 'Lymphoma, stage I', [CaseTrigger.MAJOR_DIAGNOSIS]],
  ['Are there options besides a pacemaker?', 'Slow heart rhythm (bradycardia)', [CaseTrigger.RISKY_TREATMENT, CaseTrigger.CONFLICTING_INFORMATION]],
  ['Why am I not getting better?', 'Chronic fatigue; thyroid ruled out', [CaseTrigger.NO_IMPROVEMENT, CaseTrigger.FEELS_UNHEARD]],
  ['Is the prostate surgery the best choice?', 'Prostate cancer, low risk', [CaseTrigger.MAJOR_DIAGNOSIS, CaseTrigger.RISKY_TREATMENT]],
  ['Could this be something rarer?', 'Unexplained muscle weakness', [CaseTrigger.RARE_CONDITION]],
];
const KINDS = [PacketItemKind.IMAGING_DISC, PacketItemKind.PATHOLOGY_REPORT, PacketItemKind.LABS, PacketItemKind.CLINIC_NOTES, PacketItemKind.PATHOLOGY_SLIDES];
const METHODS = [RequestMethod.FAX, RequestMethod.PORTAL, RequestMethod.EMAIL, RequestMethod.MAIL];
const STAGES = Object.values(CaseStage);

/** The item at `i`, going round the list again past its end (the demo's lists are never empty). */
export function cycle<T>(xs: readonly T[], i: number): T {
  const x = xs[i % xs.length];
  if (x === undefined) throw new Error('cycle over an empty list');
  return x;
}

/** A small seeded random (mulberry32): the same demo on every machine and every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${n.toString().padStart(12, '0')}`;
export const DEMO_ORG_CASES = 38;

/**
 * A demo organization that looks real (CLI seed only, like the demo records: the test suites
 * seed the demo organizations too and count what they hold): 38 more Harbor cases across every
 * stage, led by three more advocates, about 150 record requests of every age across 20 holders
 * (some past the legal date, some extended, some finished) and visits this week. Deterministic
 * (seeded random); dates relative to `now`. Inserted once: a later seed leaves the rows alone.
 * The fixed demo cases and their ids are not touched.
 */
export async function seedDemoOrganization(ds: DataSource, now = new Date()): Promise<void> {
  const harbor = DEMO.orgs.harbor;
  const zone = 'America/Chicago';
  const today = todayInZone(now, zone);
  const rnd = seededRandom(18);
  const pick = <T>(xs: readonly T[]): T => cycle(xs, Math.floor(rnd() * xs.length));
  const passwordHash = await argon2.hash(DEMO_PASSWORD, ARGON2_OPTIONS);
  const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);

  const holders = HOLDERS.map((name, i) => ({
    id: hex('2a000000', 101 + i),
    organizationId: harbor,
    name,
    department: i % 3 === 0 ? 'Medical records' : 'Health information',
    phone: `555-01${(60 + i).toString()}`,
    fax: `555-02${(60 + i).toString()}`,
  }));
  const cases: object[] = [];
  const moves: object[] = [];
  const packet: object[] = [];
  const requests: object[] = [];
  const links: object[] = [];
  const visits: object[] = [];
  let requestNo = 0;
  for (let i = 0; i < DEMO_ORG_CASES; i++) {
    const id = hex('0c000000', 101 + i);
    const stage = cycle(STAGES, i);
    const stageIndex = STAGES.indexOf(stage);
    const age = 4 + stageIndex * 7 + Math.floor(rnd() * 10);
    const [question, diagnosisInDoubt, triggers] = pick(CONCERNS);
    const urgency = rnd() < 0.3 ? Urgency.URGENT : Urgency.ROUTINE;
    // Every fifth case waits for an advocate; the rest are shared among the team.
    const lead = i % 5 === 4 ? null : cycle(DEMO_TEAM, i).id;
    cases.push({
      id,
      organizationId: harbor,
      createdById: DEMO.users.harborCoordinator,
      createdAt: daysAgo(age),
      patientName: `${cycle(FIRST, i)} ${cycle(LAST, i * 7)}`,
      patientEmail: null,
      question,
      diagnosisInDoubt,
      triggers,
      urgency,
      stage,
      leadAdvocateId: lead,
      summary: '',
      ...(stage === CaseStage.CLOSED ? { closedAt: daysAgo(1 + Math.floor(rnd() * 5)) } : {}),
    });
    moves.push({ id: hex('0f000000', 101 + i), organizationId: harbor, caseId: id, fromStage: null, toStage: stage, byUserId: DEMO.users.harborCoordinator, at: daysAgo(age) });

    // Records for every case past deciding: four requests on average, the oldest first.
    if (stageIndex < 2) continue;
    const count = 3 + Math.floor(rnd() * 4);
    for (let r = 0; r < count; r++) {
      requestNo++;
      const sentAgo = Math.max(0, Math.floor(age * (0.9 - r * 0.15) + rnd() * 3));
      const sentOn: CalendarDate = addDays(today, -sentAgo);
      const legal = startLegalClock(sentOn, null);
      const extended = requestNo % 9 === 0 && sentAgo >= 25;
      const finished = stageIndex >= 5 ? rnd() < 0.8 : rnd() < 0.25;
      const completedOn = finished ? addDays(sentOn, Math.min(sentAgo, 5 + Math.floor(rnd() * 20))) : null;
      const itemId = hex('2b000000', 1000 + requestNo);
      const kind = pick(KINDS);
      packet.push({
        id: itemId,
        organizationId: harbor,
        caseId: id,
        kind,
        title: '',
        state: finished ? PacketItemState.RECEIVED : PacketItemState.REQUESTED,
        holderId: cycle(holders, requestNo).id,
      });
      requests.push({
        id: hex('2c000000', 1000 + requestNo),
        organizationId: harbor,
        caseId: id,
        holderId: cycle(holders, requestNo).id,
        method: pick(METHODS),
        sentOn,
        holderReceivedOn: null,
        planTargetOn: planTargetDate(sentOn, urgency),
        legalDueOn: extended ? addDays(legal.dueOn, 30) : legal.dueOn,
        originalLegalDueOn: legal.originalDueOn,
        extensionReason: extended ? 'The records office wrote that the films are kept off site.' : null,
        extensionRecordedOn: extended ? addDays(sentOn, 25) : null,
        completedOn,
        createdById: lead ?? DEMO.users.harborCoordinator,
      });
      links.push({ requestId: hex('2c000000', 1000 + requestNo), packetItemId: itemId, ...(completedOn ? { receivedOn: completedOn } : {}) });
    }
    // Visits this week for the cases preparing for or at their appointment.
    if (stage === CaseStage.PREPARE || stage === CaseStage.APPOINTMENT) {
      const on = addDays(today, 1 + (visits.length % 6));
      visits.push({
        id: hex('1d000000', 101 + visits.length),
        organizationId: harbor,
        caseId: id,
        startsAt: zonedDateTimeToInstant(on, 9 + (visits.length % 7), 30, zone),
        mode: visits.length % 3 === 0 ? AppointmentMode.VIDEO : AppointmentMode.IN_PERSON,
        place: 'Lakeshore University Medical Center',
        providerName: pick(['Dr. Helen Park', 'Dr. Amara Obi', 'Dr. Ravi Menon']),
        bringNotes: '',
        staffNotes: '',
        createdById: lead ?? DEMO.users.harborCoordinator,
      });
    }
  }

  await ds.transaction(async (m) => {
    const insert = async <T>(entity: new () => T, rows: object[]) => {
      if (rows.length)
        await m
          .createQueryBuilder()
          .insert()
          .into(entity)
          .orIgnore()
          .values(rows as never)
          .execute();
    };
    await insert(
      UserAccount,
      DEMO_TEAM.map((u) => ({ id: u.id, organizationId: harbor, email: u.email, displayName: u.name, role: Role.ADVOCATE, passwordHash })),
    );
    await insert(RecordHolder, holders);
    await insert(PatientCase, cases);
    await insert(CaseStageChange, moves);
    await insert(PacketItem, packet);
    await insert(RecordRequest, requests);
    await insert(RecordRequestItem, links);
    await insert(Appointment, visits);
  });
}
