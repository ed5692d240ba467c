import { CaregiverAccess, CaseStage, CaseTrigger, InsurancePlanType, ProviderNetworkStatus, ProviderVisitMode, Role, Urgency } from '@second-look/domain';
import { CaseComment, CaseParticipant, CaseStageChange, PatientCase } from '@second-look/server-cases';
import { ARGON2_OPTIONS, Organization, UserAccount } from '@second-look/server-identity';
import { InsurancePlan } from '@second-look/server-insurance';
import { ProviderCandidate, ProviderDirectoryEntry } from '@second-look/server-providers';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';

export const DEMO_PASSWORD = 'demo-password-123';

/** Fixed ids, so links in docs and tests stay valid between runs. */
export const DEMO = {
  orgs: { harbor: '0a000000-0000-4000-8000-000000000001', northstar: '0a000000-0000-4000-8000-000000000002' },
  users: {
    harborAdmin: '0b000000-0000-4000-8000-000000000001',
    harborCoordinator: '0b000000-0000-4000-8000-000000000002',
    harborAdvocate: '0b000000-0000-4000-8000-000000000003',
    harborAdvocate2: '0b000000-0000-4000-8000-000000000004',
    harborPatient: '0b000000-0000-4000-8000-000000000005',
    harborPatient2: '0b000000-0000-4000-8000-000000000006',
    harborCaregiver: '0b000000-0000-4000-8000-000000000007',
    northstarAdmin: '0b000000-0000-4000-8000-000000000011',
    northstarAdvocate: '0b000000-0000-4000-8000-000000000012',
    northstarPatient: '0b000000-0000-4000-8000-000000000013',
  },
  cases: {
    maria: '0c000000-0000-4000-8000-000000000001',
    david: '0c000000-0000-4000-8000-000000000002',
    grace: '0c000000-0000-4000-8000-000000000003',
    omar: '0c000000-0000-4000-8000-000000000004',
    eleanor: '0c000000-0000-4000-8000-000000000005',
    northstarRuth: '0c000000-0000-4000-8000-000000000011',
  },
} as const;

type U = { id: string; org: string; email: string; name: string; role: Role };
const USERS: U[] = [
  { id: DEMO.users.harborAdmin, org: DEMO.orgs.harbor, email: 'admin@harbor.example', name: 'Alex Morgan', role: Role.ADMIN },
  { id: DEMO.users.harborCoordinator, org: DEMO.orgs.harbor, email: 'coordinator@harbor.example', name: 'Casey Nguyen', role: Role.COORDINATOR },
  { id: DEMO.users.harborAdvocate, org: DEMO.orgs.harbor, email: 'advocate@harbor.example', name: 'Sam Rivera', role: Role.ADVOCATE },
  { id: DEMO.users.harborAdvocate2, org: DEMO.orgs.harbor, email: 'advocate2@harbor.example', name: 'Jordan Lee', role: Role.ADVOCATE },
  { id: DEMO.users.harborPatient, org: DEMO.orgs.harbor, email: 'patient@harbor.example', name: 'Maria Lopez', role: Role.PATIENT },
  { id: DEMO.users.harborPatient2, org: DEMO.orgs.harbor, email: 'patient2@harbor.example', name: 'David Chen', role: Role.PATIENT },
  { id: DEMO.users.harborCaregiver, org: DEMO.orgs.harbor, email: 'caregiver@harbor.example', name: 'Luis Lopez', role: Role.CAREGIVER },
  { id: DEMO.users.northstarAdmin, org: DEMO.orgs.northstar, email: 'admin@northstar.example', name: 'Priya Shah', role: Role.ADMIN },
  { id: DEMO.users.northstarAdvocate, org: DEMO.orgs.northstar, email: 'advocate@northstar.example', name: 'Tom Becker', role: Role.ADVOCATE },
  { id: DEMO.users.northstarPatient, org: DEMO.orgs.northstar, email: 'patient@northstar.example', name: 'Ruth Okafor', role: Role.PATIENT },
];

/** Idempotent: rows with these ids are inserted once and never overwritten. */
export async function seedDemo(ds: DataSource): Promise<U[]> {
  const passwordHash = await argon2.hash(DEMO_PASSWORD, ARGON2_OPTIONS);
  await ds.transaction(async (m) => {
    await m
      .createQueryBuilder()
      .insert()
      .into(Organization)
      .orIgnore()
      .values([
        { id: DEMO.orgs.harbor, name: 'Harbor Patient Advocates', timeZone: 'America/Chicago' },
        { id: DEMO.orgs.northstar, name: 'Northstar Health Advocacy', timeZone: 'America/New_York' },
      ])
      .execute();
    await m
      .createQueryBuilder()
      .insert()
      .into(UserAccount)
      .orIgnore()
      .values(USERS.map((u) => ({ id: u.id, organizationId: u.org, email: u.email, displayName: u.name, role: u.role, passwordHash })))
      .execute();
    const base = { createdById: DEMO.users.harborAdvocate, organizationId: DEMO.orgs.harbor };
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
    await m
      .createQueryBuilder()
      .insert()
      .into(PatientCase)
      .orIgnore()
      .values([
        {
          ...base,
          id: DEMO.cases.maria,
          createdAt: daysAgo(10),
          patientName: 'Maria Lopez',
          patientEmail: 'patient@harbor.example',
          question: 'Is a mastectomy the right treatment, or is breast-conserving surgery an option for me?',
          diagnosisInDoubt: 'Invasive ductal carcinoma, stage II; surgeon recommends mastectomy',
          triggers: [CaseTrigger.MAJOR_DIAGNOSIS, CaseTrigger.RISKY_TREATMENT],
          urgency: Urgency.URGENT,
          stage: CaseStage.GATHER_RECORDS,
          leadAdvocateId: DEMO.users.harborAdvocate,
          summary: 'Diagnosed three weeks ago. Surgery is penciled in for next month; Maria wants to see all her options first.',
          currentDoctorSpecialty: 'Surgery',
          currentDoctorSubSpecialty: 'Breast surgery',
        },
        {
          ...base,
          id: DEMO.cases.david,
          createdAt: daysAgo(24),
          patientName: 'David Chen',
          patientEmail: 'patient2@harbor.example',
          question: 'Do I really need spinal fusion surgery?',
          diagnosisInDoubt: 'Lumbar degenerative disc disease; fusion at L4–L5 proposed',
          triggers: [CaseTrigger.RISKY_TREATMENT, CaseTrigger.NO_IMPROVEMENT],
          urgency: Urgency.ROUTINE,
          stage: CaseStage.CHOOSE_PROVIDER,
          leadAdvocateId: DEMO.users.harborAdvocate,
          summary: 'Eight months of physical therapy with little change.',
        },
        {
          ...base,
          id: DEMO.cases.grace,
          createdAt: daysAgo(2),
          patientName: 'Grace Whitfield',
          patientEmail: null,
          question: 'Is this really lupus?',
          diagnosisInDoubt: '"Probable" systemic lupus erythematosus',
          triggers: [CaseTrigger.UNCERTAIN_DIAGNOSIS, CaseTrigger.FEELS_UNHEARD],
          urgency: Urgency.ROUTINE,
          stage: CaseStage.DECIDE,
          leadAdvocateId: DEMO.users.harborAdvocate2,
          summary: '',
        },
        {
          ...base,
          id: DEMO.cases.omar,
          createdAt: daysAgo(33),
          patientName: 'Omar Haddad',
          patientEmail: null,
          question: 'Should I have the valve replaced now or wait?',
          diagnosisInDoubt: 'Aortic stenosis; surgical valve replacement recommended',
          triggers: [CaseTrigger.MAJOR_DIAGNOSIS, CaseTrigger.CONFLICTING_INFORMATION],
          urgency: Urgency.URGENT,
          stage: CaseStage.APPOINTMENT,
          leadAdvocateId: DEMO.users.harborAdvocate2,
          summary: 'Cardiologist and surgeon disagree on timing.',
        },
        {
          ...base,
          id: DEMO.cases.eleanor,
          createdAt: daysAgo(50),
          patientName: 'Eleanor Brooks',
          patientEmail: null,
          question: 'Is the proposed treatment right for a rare condition?',
          diagnosisInDoubt: 'Suspected sarcoidosis',
          triggers: [CaseTrigger.RARE_CONDITION],
          urgency: Urgency.ROUTINE,
          stage: CaseStage.CLOSED,
          closedAt: new Date(),
          leadAdvocateId: DEMO.users.harborAdvocate,
          summary: 'Second opinion confirmed the diagnosis.',
        },
        {
          id: DEMO.cases.northstarRuth,
          createdAt: daysAgo(12),
          organizationId: DEMO.orgs.northstar,
          createdById: DEMO.users.northstarAdvocate,
          patientName: 'Ruth Okafor',
          patientEmail: 'patient@northstar.example',
          question: 'Is chemotherapy necessary after surgery?',
          diagnosisInDoubt: 'Colon cancer, stage II',
          triggers: [CaseTrigger.MAJOR_DIAGNOSIS],
          urgency: Urgency.URGENT,
          stage: CaseStage.VERIFY_INSURANCE,
          leadAdvocateId: DEMO.users.northstarAdvocate,
          summary: '',
        },
      ])
      .execute();
    // What happened so far, so each demo case's timeline reads against its plan.
    const moves: Array<[string, string, CaseStage | null, CaseStage, number]> = [
      ['01', DEMO.cases.maria, null, CaseStage.DECIDE, 10],
      ['02', DEMO.cases.maria, CaseStage.DECIDE, CaseStage.TALK_TO_DOCTOR, 8],
      ['03', DEMO.cases.maria, CaseStage.TALK_TO_DOCTOR, CaseStage.GATHER_RECORDS, 6],
      ['04', DEMO.cases.david, null, CaseStage.DECIDE, 24],
      ['05', DEMO.cases.david, CaseStage.DECIDE, CaseStage.TALK_TO_DOCTOR, 22],
      ['06', DEMO.cases.david, CaseStage.TALK_TO_DOCTOR, CaseStage.GATHER_RECORDS, 20],
      ['07', DEMO.cases.david, CaseStage.GATHER_RECORDS, CaseStage.CHOOSE_PROVIDER, 5],
      ['08', DEMO.cases.grace, null, CaseStage.DECIDE, 2],
      ['09', DEMO.cases.omar, null, CaseStage.DECIDE, 33],
      ['10', DEMO.cases.omar, CaseStage.DECIDE, CaseStage.GATHER_RECORDS, 30],
      ['11', DEMO.cases.omar, CaseStage.VERIFY_INSURANCE, CaseStage.PREPARE, 20],
      ['12', DEMO.cases.omar, CaseStage.PREPARE, CaseStage.APPOINTMENT, 3],
      ['13', DEMO.cases.eleanor, null, CaseStage.DECIDE, 50],
      ['14', DEMO.cases.eleanor, CaseStage.GATHER_RECORDS, CaseStage.PREPARE, 38],
      ['15', DEMO.cases.eleanor, CaseStage.APPOINTMENT, CaseStage.COMPARE_AND_DECIDE, 14],
      ['16', DEMO.cases.eleanor, CaseStage.CLOSE_THE_LOOP, CaseStage.CLOSED, 4],
      ['17', DEMO.cases.northstarRuth, null, CaseStage.DECIDE, 12],
    ];
    await m
      .createQueryBuilder()
      .insert()
      .into(CaseStageChange)
      .orIgnore()
      .values(
        moves.map(([n, caseId, fromStage, toStage, ago]) => ({
          id: `0f000000-0000-4000-8000-0000000000${n}`,
          organizationId: caseId === DEMO.cases.northstarRuth ? DEMO.orgs.northstar : DEMO.orgs.harbor,
          caseId,
          fromStage,
          toStage,
          byUserId: caseId === DEMO.cases.northstarRuth ? DEMO.users.northstarAdvocate : DEMO.users.harborAdvocate,
          at: daysAgo(ago),
        })),
      )
      .execute();
    await m
      .createQueryBuilder()
      .insert()
      .into(CaseParticipant)
      .orIgnore()
      .values([
        { id: '0d000000-0000-4000-8000-000000000001', caseId: DEMO.cases.maria, userId: DEMO.users.harborPatient, role: Role.PATIENT, access: null },
        { id: '0d000000-0000-4000-8000-000000000002', caseId: DEMO.cases.david, userId: DEMO.users.harborPatient2, role: Role.PATIENT, access: null },
        { id: '0d000000-0000-4000-8000-000000000003', caseId: DEMO.cases.maria, userId: DEMO.users.harborCaregiver, role: Role.CAREGIVER, access: CaregiverAccess.COMMENT },
        { id: '0d000000-0000-4000-8000-000000000011', caseId: DEMO.cases.northstarRuth, userId: DEMO.users.northstarPatient, role: Role.PATIENT, access: null },
      ])
      .execute();
    await m
      .createQueryBuilder()
      .insert()
      .into(CaseComment)
      .orIgnore()
      .values([
        {
          id: '0e000000-0000-4000-8000-000000000001',
          caseId: DEMO.cases.maria,
          organizationId: DEMO.orgs.harbor,
          authorId: DEMO.users.harborAdvocate,
          internal: false,
          body: 'Hi Maria, I have asked the imaging center for your scans on disc. I will let you know as soon as they arrive.',
        },
        {
          id: '0e000000-0000-4000-8000-000000000002',
          caseId: DEMO.cases.maria,
          organizationId: DEMO.orgs.harbor,
          authorId: DEMO.users.harborPatient,
          internal: false,
          body: 'Thank you. Should I call the pathology lab myself about the slides?',
        },
        {
          id: '0e000000-0000-4000-8000-000000000003',
          caseId: DEMO.cases.maria,
          organizationId: DEMO.orgs.harbor,
          authorId: DEMO.users.harborAdvocate,
          internal: true,
          body: 'Staff only: the pathology lab has been slow before; escalate to their records supervisor if nothing by Friday.',
        },
      ])
      .execute();
    await seedJourney(m);
  });
  return USERS;
}

/** Maria's journey so far: two candidate surgeons (the same-specialty hint shows), the directory, and her plan. */
async function seedJourney(m: import('typeorm').EntityManager): Promise<void> {
  const harbor = DEMO.orgs.harbor;
  await m
    .createQueryBuilder()
    .insert()
    .into(ProviderDirectoryEntry)
    .orIgnore()
    .values([
      {
        id: '1a000000-0000-4000-8000-000000000001',
        organizationId: harbor,
        name: 'Dr. Helen Park',
        specialty: 'Surgery',
        subSpecialty: 'Surgical oncology',
        institution: 'Lakeshore University Medical Center',
        academicCentre: true,
        contact: 'Second-opinion desk 555-0140',
      },
      {
        id: '1a000000-0000-4000-8000-000000000002',
        organizationId: harbor,
        name: 'Dr. Amara Obi',
        specialty: 'Medical oncology',
        subSpecialty: 'Breast cancer',
        institution: 'Northshore Cancer Institute',
        academicCentre: true,
        visitMode: ProviderVisitMode.REMOTE_PROGRAMME,
        contact: 'Remote opinions: records by secure upload',
      },
      { id: '1a000000-0000-4000-8000-000000000003', organizationId: harbor, name: 'Dr. Ravi Menon', specialty: 'Radiation oncology', institution: 'Riverside Health', contact: '555-0177' },
    ])
    .execute();
  await m
    .createQueryBuilder()
    .insert()
    .into(ProviderCandidate)
    .orIgnore()
    .values([
      {
        id: '1b000000-0000-4000-8000-000000000001',
        organizationId: harbor,
        caseId: DEMO.cases.maria,
        directoryEntryId: '1a000000-0000-4000-8000-000000000001',
        name: 'Dr. Helen Park',
        specialty: 'Surgery',
        subSpecialty: 'Surgical oncology',
        institution: 'Lakeshore University Medical Center',
        academicCentre: true,
        otherHealthSystem: true,
        network: ProviderNetworkStatus.IN_NETWORK,
        expectedWaitDays: 12,
        referredBy: 'Harbor directory',
        notes: 'Sees breast cancer patients on Tuesdays.',
        version: 1,
      },
      {
        id: '1b000000-0000-4000-8000-000000000002',
        organizationId: harbor,
        caseId: DEMO.cases.maria,
        directoryEntryId: null,
        name: 'Dr. Samuel Ortiz',
        specialty: 'Surgery',
        subSpecialty: 'Breast surgery',
        institution: 'Mercy Lakes Hospital',
        network: ProviderNetworkStatus.UNKNOWN,
        expectedWaitDays: 5,
        referredBy: 'A friend of Maria',
        notes: '',
        staffNotes: 'Same group as the current surgeon; check whether that matters to Maria.',
        version: 1,
      },
    ])
    .execute();
  await m
    .createQueryBuilder()
    .insert()
    .into(InsurancePlan)
    .orIgnore()
    .values([
      {
        id: '1c000000-0000-4000-8000-000000000001',
        organizationId: harbor,
        caseId: DEMO.cases.maria,
        payer: 'Lakeshore Health',
        planType: InsurancePlanType.MEDICARE_ADVANTAGE,
        memberId: 'LKH-448120',
        phone: '555-0199',
      },
    ])
    .execute();
}

export function describeDemoLogins(users: Pick<U, 'email' | 'name' | 'role'>[] = USERS): string {
  const lines = users.map((u) => `  ${u.role.padEnd(11)} ${u.email.padEnd(28)} ${u.name}`);
  return `Demo logins (password for all: ${DEMO_PASSWORD}):\n${lines.join('\n')}`;
}
