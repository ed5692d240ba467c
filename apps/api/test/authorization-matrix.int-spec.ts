import { GraphQLSchemaHost } from '@nestjs/graphql';
import { REDIS } from '@second-look/server-platform';
import type Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { getNamedType, GraphQLInputObjectType, GraphQLInputType, GraphQLObjectType, isInputObjectType } from 'graphql';
import { generate } from 'otplib';
import * as Y from 'yjs';
import { DEMO } from '../src/seed/demo-seed';
import { makeFailedJob } from './support/failed-job';
import { LiveClient } from './support/live-client';
import { GqlClient, GqlResult, startTestStack, TestStack } from './support/test-stack';

/**
 * Every operation that takes an id, for every kind of caller, against Maria's case in the
 * Harbor organization. Expected answers:
 *   ok        – the operation succeeds
 *   CODE      – it fails with that error code
 * Wherever a caller is refused, the answer must be identical to the answer for an id that
 * does not exist at all: being refused never reveals that something exists.
 */
type Caller = 'admin' | 'coordinator' | 'advocateOnCase' | 'advocateNotOnCase' | 'patientOfCase' | 'otherPatient' | 'caregiver' | 'otherOrgAdmin';
type Expect = 'ok' | 'empty' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT';

const CALLERS: Record<Caller, string> = {
  admin: 'admin@harbor.example',
  coordinator: 'coordinator@harbor.example',
  advocateOnCase: 'advocate@harbor.example',
  advocateNotOnCase: 'advocate2@harbor.example',
  patientOfCase: 'patient@harbor.example',
  otherPatient: 'patient2@harbor.example',
  caregiver: 'caregiver@harbor.example',
  otherOrgAdmin: 'admin@northstar.example',
};

/** Who may see Maria's case at all (and so may learn that it exists). */
const CAN_SEE_MARIA: Record<Caller, boolean> = {
  admin: true,
  coordinator: true,
  advocateOnCase: true,
  advocateNotOnCase: true,
  patientOfCase: true,
  caregiver: true,
  otherPatient: false,
  otherOrgAdmin: false,
};

interface Row {
  /** Run the operation with the real target id (or a random one when `id` is given). */
  run(s: Ctx, c: GqlClient, id?: string): Promise<GqlResult>;
  expect: Record<Caller, Expect>;
  /** Decide "empty" for list-like answers. */
  isEmpty?(r: GqlResult): boolean;
}
interface Ctx {
  stack: TestStack;
  as: Record<Caller, GqlClient>;
  userIds: Record<Caller, string>;
}

const MARIA = DEMO.cases.maria;
const version = async (s: Ctx): Promise<number> => (await s.as.admin.ok<{ case: { version: number } }>(`query($id: ID!) { case(id: $id) { version } }`, { id: MARIA })).case.version;
const nextStage = async (s: Ctx): Promise<string> =>
  (await s.as.admin.ok<{ case: { allowedStageMoves: string[] } }>(`query($id: ID!) { case(id: $id) { allowedStageMoves } }`, { id: MARIA })).case.allowedStageMoves[0];
const freshCaregiverInvitation = async (s: Ctx): Promise<string> =>
  (
    await s.as.patientOfCase.ok<{ inviteCaregiver: { id: string } }>(`mutation($caseId: ID!, $email: String!) { inviteCaregiver(input: { caseId: $caseId, email: $email, access: VIEW }) { id } }`, {
      caseId: MARIA,
      email: `cg-${randomUUID()}@example.org`,
    })
  ).inviteCaregiver.id;

const freshFactorOf = async (s: Ctx, userId: string): Promise<string> =>
  (await s.stack.ds.query(`INSERT INTO sign_in_factor (user_id, kind, label, confirmed_at) VALUES ($1, 'TOTP', 'matrix', now()) RETURNING id`, [userId]))[0].id;
const freshSessionOf = async (s: Ctx, userId: string): Promise<string> =>
  (
    await s.stack.ds.query(`INSERT INTO user_session (id, user_id, last_seen_at, idle_timeout_seconds, expires_at) VALUES ($1, $2, now(), 1800, now() + interval '1 hour') RETURNING public_id`, [
      randomUUID().replace(/-/g, '').padEnd(64, '0'),
      userId,
    ])
  )[0].public_id;
const freshHarborMember = async (s: Ctx): Promise<string> =>
  (
    await s.stack.ds.query(`INSERT INTO app_user (organization_id, email, display_name, role, password_hash) VALUES ($1, $2, 'Matrix Member', 'ADVOCATE', 'x') RETURNING id`, [
      DEMO.orgs.harbor,
      `matrix-${randomUUID()}@harbor.example`,
    ])
  )[0].id;

// Fresh records fixtures on Maria's case, made by the admin, so every call acts on its own rows.
let holderId = '';
let importId: string | null = null;
const harborImport = async (s: Ctx): Promise<string> => {
  importId ??= (
    await s.as.admin.ok<{ importClients: { run: { id: string } } }>(
      `mutation { importClients(input: { rows: [{ patientName: "Matrix Import", patientEmail: "matrix.import@example.org" }], dryRun: false, invitePatients: false }) { run { id } } }`,
    )
  ).importClients.run.id;
  return importId;
};
const freshItem = async (s: Ctx): Promise<{ id: string; version: number }> =>
  (await s.as.admin.ok<{ addPacketItem: { id: string; version: number } }>(`mutation($c: ID!) { addPacketItem(input: { caseId: $c, kind: LABS, title: "matrix" }) { id version } }`, { c: MARIA }))
    .addPacketItem;
const freshRequest = async (s: Ctx): Promise<{ id: string; itemId: string }> => {
  const item = await freshItem(s);
  const r = await s.as.admin.ok<{ createRecordRequest: { id: string } }>(
    `mutation($c: ID!, $h: ID!, $i: ID!, $d: String!) { createRecordRequest(input: { caseId: $c, holderId: $h, packetItemIds: [$i], method: FAX, sentOn: $d }) { id } }`,
    { c: MARIA, h: holderId, i: item.id, d: new Date(Date.now() - 3 * 86400000).toISOString().slice(0, 10) },
  );
  return { id: r.createRecordRequest.id, itemId: item.id };
};
const freshCandidate = async (s: Ctx): Promise<{ id: string; version: number }> => {
  const r = await s.as.admin.ok<{ addProviderCandidate: { providerCandidates: { id: string; version: number; name: string }[] } }>(
    `mutation($c: ID!, $n: String!) { addProviderCandidate(input: { caseId: $c, name: $n, specialty: "Oncology" }) { id providerCandidates { id version name } } }`,
    { c: MARIA, n: `Dr. ${randomUUID()}` },
  );
  return r.addProviderCandidate.providerCandidates[r.addProviderCandidate.providerCandidates.length - 1];
};
const freshScript = async (s: Ctx): Promise<string> =>
  (await s.as.admin.ok<{ createDoctorScript: { id: string } }>(`mutation { createDoctorScript(input: { purpose: RECORDS, situation: RUSHED_DOCTOR, title: "matrix", body: "matrix" }) { id } }`))
    .createDoctorScript.id;
/** Who may change Maria's case (and so its packet and requests). */
const EDITS_MARIA: Record<Caller, Expect> = {
  admin: 'ok',
  coordinator: 'ok',
  advocateOnCase: 'ok',
  patientOfCase: 'ok',
  advocateNotOnCase: 'FORBIDDEN',
  caregiver: 'FORBIDDEN',
  otherPatient: 'NOT_FOUND',
  otherOrgAdmin: 'NOT_FOUND',
};

/** A subscription's first answer over a real graphql-ws socket, as a GqlResult (then the socket closes). */
async function firstLive(s: Ctx, c: GqlClient, query: string, variables: Record<string, unknown>): Promise<GqlResult> {
  const live = new LiveClient(s.stack.url, c.cookie);
  try {
    const sub = live.subscribe(query, variables);
    await sub.waitFor(() => true, 5000).catch(() => undefined);
    const first = sub.messages[0];
    if (first) return { status: 200, data: first.data ?? null, errors: first.errors };
    return { status: 200, errors: (sub.error as GqlResult['errors']) ?? [{ message: 'no answer', extensions: { code: 'NO_ANSWER' } }] };
  } finally {
    await live.close();
  }
}

/** Who writes tasks on Maria's case: every staff member of Harbor. */
const TASK_WRITERS: Record<Caller, Expect> = {
  admin: 'ok',
  coordinator: 'ok',
  advocateOnCase: 'ok',
  advocateNotOnCase: 'ok',
  patientOfCase: 'FORBIDDEN',
  caregiver: 'FORBIDDEN',
  otherPatient: 'NOT_FOUND',
  otherOrgAdmin: 'NOT_FOUND',
};
const freshTask = async (s: Ctx): Promise<{ id: string; version: number }> =>
  (
    await s.as.admin.ok<{ addCaseTask: { id: string; version: number } }>(`mutation($c: ID!, $p: ID!) { addCaseTask(input: { caseId: $c, title: "matrix", assigneeId: $p }) { id version } }`, {
      c: MARIA,
      p: DEMO.users.harborPatient,
    })
  ).addCaseTask;

const ALL = (e: Expect): Record<Caller, Expect> => ({ admin: e, coordinator: e, advocateOnCase: e, advocateNotOnCase: e, patientOfCase: e, otherPatient: e, caregiver: e, otherOrgAdmin: e });

export const MATRIX: Record<string, Row> = {
  'Query.case': {
    run: (_s, c, id = MARIA) => c.gql(`query($id: ID!) { case(id: $id) { id comments { id } participants { id } } }`, { id }),
    expect: { ...ALL('ok'), otherPatient: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' },
  },
  'Query.clientImport': {
    // An import Harbor's admin started (no worker runs here: it stays queued), followed by id.
    run: async (s, c, id) => c.gql(`query($id: ID!) { clientImport(id: $id) { id status } }`, { id: id ?? (await harborImport(s)) }),
    expect: { ...ALL('FORBIDDEN'), admin: 'ok', coordinator: 'ok', otherOrgAdmin: 'NOT_FOUND' },
  },
  'Query.auditEvents': {
    run: (_s, c, id = MARIA) => c.gql(`query($id: ID) { auditEvents(filter: { caseId: $id }, first: 5) { nodes { id caseId } } }`, { id }),
    expect: { ...ALL('FORBIDDEN'), admin: 'ok', otherOrgAdmin: 'empty' },
    isEmpty: (r) => (r.data as { auditEvents: { nodes: unknown[] } } | undefined)?.auditEvents.nodes.length === 0,
  },
  'Query.cases': {
    // Filtering by an advocate never widens the caller's scope.
    run: (_s, c, id = DEMO.users.harborAdvocate) => c.gql(`query($id: ID) { cases(filter: { leadAdvocateId: $id, scope: ORGANIZATION }, first: 50) { nodes { id } } }`, { id }),
    expect: { ...ALL('ok'), otherOrgAdmin: 'empty' },
    isEmpty: (r) => (r.data as { cases: { nodes: unknown[] } } | undefined)?.cases.nodes.length === 0,
  },
  'Mutation.createCase': {
    run: (_s, c, id = DEMO.users.harborAdvocate) =>
      c.gql(
        `mutation($id: ID) { createCase(input: { patientName: "Matrix Patient", question: "Q?", diagnosisInDoubt: "D", triggers: [PERSISTENT_DOUBT], urgency: ROUTINE, leadAdvocateId: $id }) { id } }`,
        { id },
      ),
    expect: { ...ALL('FORBIDDEN'), admin: 'ok', coordinator: 'ok', advocateOnCase: 'ok', advocateNotOnCase: 'ok', otherOrgAdmin: 'NOT_FOUND' },
  },
  'Mutation.updateCase': {
    run: async (s, c, id = MARIA) => c.gql(`mutation($id: ID!, $v: Int!) { updateCase(input: { id: $id, expectedVersion: $v, summary: "matrix edit" }) { id version } }`, { id, v: await version(s) }),
    expect: { ...ALL('ok'), advocateNotOnCase: 'FORBIDDEN', caregiver: 'FORBIDDEN', otherPatient: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' },
  },
  'Mutation.moveCaseStage': {
    run: async (s, c, id = MARIA) => c.gql(`mutation($id: ID!, $to: CaseStage!) { moveCaseStage(input: { caseId: $id, to: $to }) { id stage } }`, { id, to: await nextStage(s) }),
    expect: { ...ALL('FORBIDDEN'), admin: 'ok', coordinator: 'ok', advocateOnCase: 'ok', otherPatient: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' },
  },
  'Mutation.assignLeadAdvocate': {
    run: (_s, c, id = MARIA) => c.gql(`mutation($id: ID!, $a: ID!) { assignLeadAdvocate(caseId: $id, advocateId: $a) { id } }`, { id, a: DEMO.users.harborAdvocate }),
    expect: { ...ALL('FORBIDDEN'), admin: 'ok', coordinator: 'ok', otherOrgAdmin: 'NOT_FOUND' },
  },
  'Mutation.invitePatient': {
    // Maria's case already has its patient: permitted callers reach the CONFLICT rule.
    run: (_s, c, id = MARIA) => c.gql(`mutation($id: ID!) { invitePatient(input: { caseId: $id, email: "someone@example.org" }) { id } }`, { id }),
    expect: { ...ALL('FORBIDDEN'), admin: 'CONFLICT', coordinator: 'CONFLICT', advocateOnCase: 'CONFLICT', otherOrgAdmin: 'NOT_FOUND' },
  },
  'Mutation.inviteCaregiver': {
    run: (_s, c, id = MARIA) => c.gql(`mutation($id: ID!, $e: String!) { inviteCaregiver(input: { caseId: $id, email: $e, access: COMMENT }) { id } }`, { id, e: `m-${randomUUID()}@example.org` }),
    expect: { ...ALL('FORBIDDEN'), patientOfCase: 'ok', otherPatient: 'NOT_FOUND' },
  },
  'Mutation.addComment': {
    run: (_s, c, id = MARIA) => c.gql(`mutation($id: ID!) { addComment(input: { caseId: $id, body: "matrix comment", internal: false }) { id } }`, { id }),
    expect: { ...ALL('ok'), otherPatient: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' },
  },
  'Mutation.revokeInvitation': {
    run: async (s, c, id) => c.gql(`mutation($id: ID!) { revokeInvitation(id: $id) }`, { id: id ?? (await freshCaregiverInvitation(s)) }),
    expect: { ...ALL('NOT_FOUND'), admin: 'ok', coordinator: 'ok', advocateOnCase: 'ok', patientOfCase: 'ok', caregiver: 'FORBIDDEN' },
  },
  // A person's own sign-in steps and sessions: only they may touch them (advocate2's, made fresh each time).
  'Mutation.removeSignInFactor': {
    run: async (s, c, id) => c.gql(`mutation($id: ID!) { removeSignInFactor(id: $id) }`, { id: id ?? (await freshFactorOf(s, DEMO.users.harborAdvocate2)) }),
    expect: { ...ALL('NOT_FOUND'), advocateNotOnCase: 'ok' },
  },
  'Mutation.confirmTotpEnrollment': {
    run: async (s, c, id) => {
      const e = id
        ? null
        : (await s.as.advocateNotOnCase.ok<{ startTotpEnrollment: { factorId: string; secret: string } }>(`mutation { startTotpEnrollment { factorId secret } }`)).startTotpEnrollment;
      const code = e ? await generate({ secret: e.secret }) : '123456';
      return c.gql(`mutation($id: ID!, $code: String!) { confirmTotpEnrollment(input: { factorId: $id, code: $code }) { recoveryCodes } }`, { id: id ?? e?.factorId, code });
    },
    expect: { ...ALL('NOT_FOUND'), advocateNotOnCase: 'ok' },
  },
  'Mutation.signOutSession': {
    run: async (s, c, id) => c.gql(`mutation($id: ID!) { signOutSession(id: $id) }`, { id: id ?? (await freshSessionOf(s, DEMO.users.harborAdvocate2)) }),
    expect: { ...ALL('NOT_FOUND'), advocateNotOnCase: 'ok' },
  },
  'Mutation.resetMemberSignInSteps': {
    run: async (s, c, id) => c.gql(`mutation($id: ID!) { resetMemberSignInSteps(userId: $id) }`, { id: id ?? (await freshHarborMember(s)) }),
    expect: { ...ALL('FORBIDDEN'), admin: 'ok', otherOrgAdmin: 'NOT_FOUND' },
  },
  'Mutation.deactivateMember': {
    run: async (s, c, id) => c.gql(`mutation($id: ID!) { deactivateMember(userId: $id) { id deactivatedAt } }`, { id: id ?? (await freshHarborMember(s)) }),
    expect: { ...ALL('FORBIDDEN'), admin: 'ok', otherOrgAdmin: 'NOT_FOUND' },
  },
  'Mutation.reactivateMember': {
    run: async (s, c, id) => {
      const member = id ?? (await freshHarborMember(s));
      if (!id) await s.stack.ds.query(`UPDATE app_user SET deactivated_at = now() WHERE id = $1`, [member]);
      return c.gql(`mutation($id: ID!) { reactivateMember(userId: $id) { id deactivatedAt } }`, { id: member });
    },
    expect: { ...ALL('FORBIDDEN'), admin: 'ok', otherOrgAdmin: 'NOT_FOUND' },
  },
  'Query.memberOpenWork': {
    run: (_s, c, id = DEMO.users.harborAdvocate) => c.gql(`query($id: ID!) { memberOpenWork(userId: $id) { leadCases openTasks } }`, { id }),
    expect: { ...ALL('FORBIDDEN'), admin: 'ok', otherOrgAdmin: 'NOT_FOUND' },
  },
  'Mutation.changeMemberRole': {
    run: (_s, c, id = DEMO.users.harborAdvocate2) => c.gql(`mutation($id: ID!) { changeMemberRole(userId: $id, role: ADVOCATE) { id role } }`, { id }),
    expect: { ...ALL('FORBIDDEN'), admin: 'ok', otherOrgAdmin: 'NOT_FOUND' },
  },

  'Query.recordRequest': {
    run: async (s, c, id) => c.gql(`query($id: ID!) { recordRequest(id: $id) { id overall items { packetItem { id } } } }`, { id: id ?? (await freshRequest(s)).id }),
    expect: { ...ALL('ok'), otherPatient: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' },
  },
  'Query.recordBoard': {
    run: (_s, c, id = holderId) => c.gql(`query($h: ID) { recordBoard(filter: { holderId: $h }) { counts { open } requests { nodes { id } } } }`, { h: id }),
    expect: { ...ALL('FORBIDDEN'), admin: 'ok', coordinator: 'ok', advocateOnCase: 'ok', advocateNotOnCase: 'ok', otherOrgAdmin: 'empty' },
    isEmpty: (r) => (r.data as { recordBoard: { requests: { nodes: unknown[] } } } | undefined)?.recordBoard.requests.nodes.length === 0,
  },
  'Query.dashboard': {
    // Staff only; an advocate asking for another advocate's figures gets their own (none of Sam's).
    run: (_s, c, id = DEMO.users.harborAdvocate) => c.gql(`query($a: ID) { dashboard(filter: { advocateId: $a }) { caseload { advocateId openCases } } }`, { a: id }),
    expect: { ...ALL('FORBIDDEN'), admin: 'ok', coordinator: 'ok', advocateOnCase: 'ok', advocateNotOnCase: 'empty', otherOrgAdmin: 'empty' },
    isEmpty: (r) => !(r.data as { dashboard: { caseload: Array<{ advocateId: string }> } } | undefined)?.dashboard.caseload.some((a) => a.advocateId === DEMO.users.harborAdvocate),
  },
  'Query.dashboardCases': {
    run: (_s, c, id = DEMO.users.harborAdvocate) =>
      c.gql(`query($a: ID, $k: String!) { dashboardCases(input: { kind: ADVOCATE_OPEN, key: $k, filter: { advocateId: $a } }) { cases { id } } }`, { a: id, k: id }),
    expect: { ...ALL('FORBIDDEN'), admin: 'ok', coordinator: 'ok', advocateOnCase: 'ok', advocateNotOnCase: 'empty', otherOrgAdmin: 'empty' },
    isEmpty: (r) => !(r.data as { dashboardCases: { cases: Array<{ id: string }> } } | undefined)?.dashboardCases.cases.some((c) => c.id === MARIA),
  },
  'Mutation.updateRecordHolder': {
    run: (_s, c, id = holderId) => c.gql(`mutation($id: ID!) { updateRecordHolder(input: { id: $id, name: "Lakeview Imaging" }) { id } }`, { id }),
    expect: { ...ALL('FORBIDDEN'), admin: 'ok', coordinator: 'ok', advocateOnCase: 'ok', advocateNotOnCase: 'ok', otherOrgAdmin: 'NOT_FOUND' },
  },
  'Mutation.addPacketItem': {
    run: (_s, c, id = MARIA) => c.gql(`mutation($c: ID!) { addPacketItem(input: { caseId: $c, kind: OTHER, title: "x" }) { id } }`, { c: id }),
    expect: EDITS_MARIA,
  },
  'Mutation.updatePacketItem': {
    run: async (s, c, id) => {
      const item = id ? { id, version: 1 } : await freshItem(s);
      return c.gql(`mutation($id: ID!, $v: Int!) { updatePacketItem(input: { id: $id, expectedVersion: $v, notes: "on its way" }) { id } }`, { id: item.id, v: item.version });
    },
    expect: EDITS_MARIA,
  },
  'Mutation.removePacketItem': {
    run: async (s, c, id) => c.gql(`mutation($id: ID!) { removePacketItem(id: $id) }`, { id: id ?? (await freshItem(s)).id }),
    expect: EDITS_MARIA,
  },
  'Mutation.createRecordRequest': {
    run: async (s, c, id) => {
      const item = await freshItem(s);
      return c.gql(`mutation($c: ID!, $h: ID!, $i: ID!) { createRecordRequest(input: { caseId: $c, holderId: $h, packetItemIds: [$i], method: PORTAL, sentOn: "2026-11-01" }) { id } }`, {
        c: id ?? MARIA,
        h: holderId,
        i: item.id,
      });
    },
    expect: EDITS_MARIA,
  },
  'Mutation.recordLegalExtension': {
    run: async (s, c, id) => {
      const due = new Date(Date.now() + 40 * 86400000).toISOString().slice(0, 10);
      return c.gql(`mutation($id: ID!, $d: String!) { recordLegalExtension(input: { requestId: $id, newDueOn: $d, reason: "Records are in off-site storage" }) { id } }`, {
        id: id ?? (await freshRequest(s)).id,
        d: due,
      });
    },
    expect: EDITS_MARIA,
  },
  'Mutation.logRecordFollowUp': {
    run: async (s, c, id) =>
      c.gql(`mutation($id: ID!) { logRecordFollowUp(input: { requestId: $id, channel: CALL, outcome: "Spoke to records, in progress" }) { id } }`, { id: id ?? (await freshRequest(s)).id }),
    expect: EDITS_MARIA,
  },
  'Mutation.markRecordsReceived': {
    run: async (s, c, id) => {
      const r = id ? { id, itemId: id } : await freshRequest(s);
      return c.gql(`mutation($id: ID!, $i: ID!) { markRecordsReceived(input: { requestId: $id, packetItemIds: [$i] }) { id completedOn } }`, { id: r.id, i: r.itemId });
    },
    expect: EDITS_MARIA,
  },
  'Mutation.adjustCaseTimeline': {
    run: (_s, c, id = MARIA) => {
      const d = new Date(Date.now() + 20 * 86400000).toISOString().slice(0, 10);
      return c.gql(`mutation($id: ID!, $d: String!) { adjustCaseTimeline(input: { caseId: $id, phase: APPOINTMENT, targetOn: $d, reason: "Earliest slot at the academic center" }) { id } }`, {
        id,
        d,
      });
    },
    expect: { ...ALL('FORBIDDEN'), admin: 'ok', coordinator: 'ok', advocateOnCase: 'ok', otherOrgAdmin: 'NOT_FOUND' },
  },
  'Mutation.markNotificationsRead': {
    // Only ever the caller's own notifications: anyone may call it, it touches nobody else's.
    run: (_s, c, id) => c.gql(`mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, { ids: [id ?? randomUUID()] }),
    expect: ALL('ok'),
  },
  'Mutation.retryFailedJob': {
    // A failed reminder of a fresh Harbor request: Harbor's admin may retry it; nobody else sees it.
    run: async (s, c, id) =>
      c.gql(`mutation($id: ID!) { retryFailedJob(queue: "reminders", jobId: $id) { id } }`, { id: id ?? (await makeFailedJob(s.stack.app, 'reminders', { requestId: (await freshRequest(s)).id })) }),
    expect: { ...ALL('FORBIDDEN'), admin: 'ok', otherOrgAdmin: 'NOT_FOUND' },
  },
  'Query.caseNote': {
    // The staff-only note: patients and caregivers get "not found", as for a case they cannot see.
    run: (_s, c, id = MARIA) => c.gql(`query($id: ID!) { caseNote(caseId: $id, kind: STAFF) { caseId text version } }`, { id }),
    expect: { ...ALL('ok'), patientOfCase: 'NOT_FOUND', caregiver: 'NOT_FOUND', otherPatient: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' },
  },
  'Mutation.applyCaseNoteUpdate': {
    // The shared note: typed in by those who may edit the case.
    run: (_s, c, id = MARIA) => {
      const doc = new Y.Doc();
      doc.getText('note').insert(0, 'matrix ');
      return c.gql(`mutation($id: ID!, $u: String!) { applyCaseNoteUpdate(input: { caseId: $id, kind: SHARED, update: $u }) { caseId version } }`, {
        id,
        u: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64'),
      });
    },
    expect: EDITS_MARIA,
  },
  'Subscription.caseEvents': {
    run: (s, c, id = MARIA) => firstLive(s, c, `subscription($id: ID!) { caseEvents(caseId: $id) { kind case { id } } }`, { id }),
    expect: { ...ALL('ok'), otherPatient: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' },
  },
  'Subscription.casePresence': {
    run: (s, c, id = MARIA) => firstLive(s, c, `subscription($id: ID!) { casePresence(caseId: $id, viewId: "matrix-view-1") { key user { id } } }`, { id }),
    expect: { ...ALL('ok'), otherPatient: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' },
  },
  'Subscription.caseNoteUpdates': {
    // Live edits of the staff-only note: refused as not found for patients and caregivers, like the query.
    run: (s, c, id = MARIA) => firstLive(s, c, `subscription($id: ID!) { caseNoteUpdates(caseId: $id, kind: STAFF) { caseId version } }`, { id }),
    expect: { ...ALL('ok'), patientOfCase: 'NOT_FOUND', caregiver: 'NOT_FOUND', otherPatient: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' },
  },
  'Mutation.setRecordRequestHolderReceivedOn': {
    run: async (s, c, id) => {
      const requestId = id ?? (await freshRequest(s)).id;
      const d = new Date(Date.now() - 2 * 86400000).toISOString().slice(0, 10);
      return c.gql(`mutation($id: ID!, $d: String!) { setRecordRequestHolderReceivedOn(input: { requestId: $id, expectedVersion: 1, holderReceivedOn: $d }) { id holderReceivedOn } }`, {
        id: requestId,
        d,
      });
    },
    expect: EDITS_MARIA,
  },
  'Mutation.setCasePresence': {
    // Only ever the caller's own page entry; refused outright outside the case's scope.
    run: (_s, c, id = MARIA) => c.gql(`mutation($id: ID!) { setCasePresence(caseId: $id, viewId: "matrix-view-1", editing: SUMMARY) }`, { id }),
    expect: { ...ALL('ok'), otherPatient: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' },
  },
  'Mutation.setRecordRequestFee': {
    run: async (s, c, id) => c.gql(`mutation($id: ID!) { setRecordRequestFee(input: { requestId: $id, expectedVersion: 1, feeCents: 650 }) { id } }`, { id: id ?? (await freshRequest(s)).id }),
    expect: EDITS_MARIA,
  },
  'Mutation.setRecordRequestLetterLanguage': {
    // Staff choose the letters' language; the patient may edit the case but not this.
    run: async (s, c, id) =>
      c.gql(`mutation($id: ID!) { setRecordRequestLetterLanguage(input: { requestId: $id, expectedVersion: 1, letterLanguage: es }) { id } }`, { id: id ?? (await freshRequest(s)).id }),
    expect: { ...ALL('FORBIDDEN'), admin: 'ok', coordinator: 'ok', advocateOnCase: 'ok', otherPatient: 'NOT_FOUND', otherOrgAdmin: 'NOT_FOUND' },
  },
  // The journey: provider candidates, doctor scripts, the insurance check.
  'Mutation.addProviderCandidate': {
    run: (_s, c, id = MARIA) => c.gql(`mutation($id: ID!) { addProviderCandidate(input: { caseId: $id, name: "Dr. Matrix", specialty: "Oncology" }) { id } }`, { id }),
    expect: EDITS_MARIA,
  },
  'Mutation.updateProviderCandidate': {
    run: async (s, c, id) => {
      const cand = id ? { id, version: 1 } : await freshCandidate(s);
      return c.gql(`mutation($id: ID!, $v: Int!) { updateProviderCandidate(input: { id: $id, expectedVersion: $v, notes: "matrix" }) { id } }`, { id: cand.id, v: cand.version });
    },
    expect: EDITS_MARIA,
  },
  'Mutation.chooseProviderCandidate': {
    run: async (s, c, id) => c.gql(`mutation($id: ID!) { chooseProviderCandidate(input: { id: $id, reason: "matrix" }) { id } }`, { id: id ?? (await freshCandidate(s)).id }),
    expect: EDITS_MARIA,
  },
  'Mutation.removeProviderCandidate': {
    run: async (s, c, id) => c.gql(`mutation($id: ID!) { removeProviderCandidate(id: $id) { id } }`, { id: id ?? (await freshCandidate(s)).id }),
    expect: EDITS_MARIA,
  },
  'Mutation.saveCaseDoctorScript': {
    run: (_s, c, id = MARIA) => c.gql(`mutation($id: ID!) { saveCaseDoctorScript(input: { caseId: $id, sourceKey: "good-relationship-records", purpose: RECORDS, body: "matrix" }) { id } }`, { id }),
    expect: EDITS_MARIA,
  },
  'Mutation.deleteDoctorScript': {
    // Organization scripts belong to the organization, not a case: its staff manage them.
    run: async (s, c, id) => c.gql(`mutation($id: ID!) { deleteDoctorScript(id: $id) }`, { id: id ?? (await freshScript(s)) }),
    expect: { ...ALL('FORBIDDEN'), admin: 'ok', coordinator: 'ok', advocateOnCase: 'ok', advocateNotOnCase: 'ok', otherOrgAdmin: 'NOT_FOUND' },
  },
  'Mutation.saveInsurancePlan': {
    run: (_s, c, id = MARIA) => c.gql(`mutation($id: ID!) { saveInsurancePlan(input: { caseId: $id, payer: "Lakeshore Health", planType: MEDICARE_ADVANTAGE }) { id } }`, { id }),
    expect: EDITS_MARIA,
  },
  'Mutation.logInsuranceCall': {
    run: (_s, c, id = MARIA) =>
      c.gql(`mutation($id: ID!, $d: String!) { logInsuranceCall(input: { caseId: $id, calledOn: $d, referenceNumber: "M-1", outcome: NEEDS_REFERRAL }) { id } }`, {
        id,
        d: new Date(Date.now() - 2 * 86400000).toISOString().slice(0, 10),
      }),
    expect: EDITS_MARIA,
  },
  // The journey's appointment and opinions half (journey-b). Fresh rows are made by the admin.
  'Mutation.addCaseQuestion': {
    run: (_s, c, id = MARIA) => c.gql(`mutation($c: ID!) { addCaseQuestion(input: { caseId: $c, text: "matrix question" }) { id } }`, { c: id }),
    expect: EDITS_MARIA,
  },
  'Mutation.addStarterQuestions': {
    run: (_s, c, id = MARIA) => c.gql(`mutation($c: ID!) { addStarterQuestions(caseId: $c) { id } }`, { c: id }),
    expect: EDITS_MARIA,
  },
  'Mutation.updateCaseQuestion': {
    run: async (s, c, id) => {
      const q = id ? { id, version: 1 } : await freshQuestion(s);
      return c.gql(`mutation($id: ID!, $v: Int!) { updateCaseQuestion(input: { id: $id, expectedVersion: $v, text: "reworded" }) { id } }`, { id: q.id, v: q.version });
    },
    expect: EDITS_MARIA,
  },
  'Mutation.moveCaseQuestion': {
    run: async (s, c, id) => c.gql(`mutation($id: ID!) { moveCaseQuestion(input: { id: $id, direction: UP }) { id } }`, { id: id ?? (await freshQuestion(s)).id }),
    expect: EDITS_MARIA,
  },
  'Mutation.removeCaseQuestion': {
    run: async (s, c, id) => c.gql(`mutation($id: ID!) { removeCaseQuestion(id: $id) { id } }`, { id: id ?? (await freshQuestion(s)).id }),
    expect: EDITS_MARIA,
  },
  'Mutation.bookAppointment': {
    run: (_s, c, id = MARIA) =>
      c.gql(`mutation($c: ID!, $d: String!) { bookAppointment(input: { caseId: $c, date: $d, time: "10:00", mode: PHONE, providerName: "Dr. Matrix" }) { id } }`, { c: id, d: inDays(5) }),
    expect: EDITS_MARIA,
  },
  'Mutation.updateAppointment': {
    run: async (s, c, id) => {
      const a = id ? { id, version: 1 } : await freshAppointment(s);
      return c.gql(`mutation($id: ID!, $v: Int!) { updateAppointment(input: { id: $id, expectedVersion: $v, bringNotes: "Insurance card" }) { id } }`, { id: a.id, v: a.version });
    },
    expect: EDITS_MARIA,
  },
  'Mutation.cancelAppointment': {
    run: async (s, c, id) => {
      const a = id ? { id, version: 1 } : await freshAppointment(s);
      return c.gql(`mutation($id: ID!, $v: Int!) { cancelAppointment(input: { id: $id, expectedVersion: $v }) { id cancelledAt } }`, { id: a.id, v: a.version });
    },
    expect: EDITS_MARIA,
  },
  'Mutation.recordAppointmentAnswer': {
    run: async (s, c, id) => {
      const [a, q] = id ? [{ id }, { id: randomUUID() }] : [await freshAppointment(s), await freshQuestion(s)];
      return c.gql(`mutation($a: ID!, $q: ID!) { recordAppointmentAnswer(input: { appointmentId: $a, questionId: $q, answer: "Yes" }) { id } }`, { a: a.id, q: q.id });
    },
    expect: EDITS_MARIA,
  },
  'Mutation.recordVisitFeelings': {
    // The fresh visit is still to come, when only an empty save is allowed (journey-appointment-opinions covers the timing).
    run: async (s, c, id) => {
      const a = id ? { id, version: 1 } : await freshAppointment(s);
      return c.gql(`mutation($id: ID!, $v: Int!) { recordVisitFeelings(input: { appointmentId: $id, expectedVersion: $v, feelings: [], worries: "" }) { id } }`, { id: a.id, v: a.version });
    },
    expect: EDITS_MARIA,
  },
  'Mutation.addOwnTimelineEntry': {
    run: (_s, c, id = MARIA) => c.gql(`mutation($c: ID!, $d: String!) { addOwnTimelineEntry(input: { caseId: $c, occurredOn: $d, kind: SYMPTOM, what: "Tired" }) { id } }`, { c: id, d: inDays(-3) }),
    expect: EDITS_MARIA,
  },
  'Mutation.updateOwnTimelineEntry': {
    run: async (s, c, id) => {
      const e = id ? { id, version: 1 } : await freshTimelineEntry(s);
      return c.gql(`mutation($id: ID!, $v: Int!) { updateOwnTimelineEntry(input: { id: $id, expectedVersion: $v, severity: MILD }) { id } }`, { id: e.id, v: e.version });
    },
    expect: EDITS_MARIA,
  },
  'Mutation.removeOwnTimelineEntry': {
    run: async (s, c, id) => c.gql(`mutation($id: ID!) { removeOwnTimelineEntry(id: $id) { id } }`, { id: id ?? (await freshTimelineEntry(s)).id }),
    expect: EDITS_MARIA,
  },
  'Mutation.addOpinion': {
    run: (_s, c, id = MARIA) =>
      c.gql(
        `mutation($c: ID!, $d: String!) { addOpinion(input: { caseId: $c, providerName: "Dr. Matrix", givenOn: $d, diagnosis: "D", recommendedPlan: "P", urgency: ROUTINE, reasoning: "R" }) { id } }`,
        { c: id, d: inDays(-1) },
      ),
    expect: EDITS_MARIA,
  },
  'Mutation.updateOpinion': {
    run: async (s, c, id) => {
      const o = id ? { id, version: 1 } : await freshOpinion(s);
      return c.gql(`mutation($id: ID!, $v: Int!) { updateOpinion(input: { id: $id, expectedVersion: $v, reasoning: "Because" }) { id } }`, { id: o.id, v: o.version });
    },
    expect: EDITS_MARIA,
  },
  'Mutation.compareOpinions': {
    // A fresh opinion first, so every permitted caller judges a round of its own.
    run: async (s, c, id) => {
      if (!id) await freshOpinion(s);
      return c.gql(`mutation($c: ID!) { compareOpinions(input: { caseId: $c, outcome: DIFFER }) { id } }`, { c: id ?? MARIA });
    },
    expect: EDITS_MARIA,
  },
  'Mutation.startNextOpinionRound': {
    // Permitted callers reach the rule: the newest round is not judged yet.
    run: async (s, c, id) => {
      if (!id) await freshOpinion(s);
      return c.gql(`mutation($c: ID!) { startNextOpinionRound(caseId: $c) { id } }`, { c: id ?? MARIA });
    },
    expect: { ...ALL('FORBIDDEN'), admin: 'CONFLICT', coordinator: 'CONFLICT', advocateOnCase: 'CONFLICT', otherOrgAdmin: 'NOT_FOUND' },
  },
  'Mutation.recordDecision': {
    // Maria is not yet comparing opinions: permitted callers reach the stage rule.
    run: (_s, c, id = MARIA) => c.gql(`mutation($c: ID!) { recordDecision(input: { caseId: $c, decision: "Go ahead", careMoves: false }) { id } }`, { c: id }),
    expect: { ...EDITS_MARIA, admin: 'CONFLICT', coordinator: 'CONFLICT', advocateOnCase: 'CONFLICT', patientOfCase: 'CONFLICT' },
  },
  'Mutation.closeCaseWithOutcome': {
    run: (_s, c, id = MARIA) => c.gql(`mutation($c: ID!) { closeCaseWithOutcome(input: { caseId: $c, outcome: CONFIRMED }) { id } }`, { c: id }),
    expect: { ...ALL('FORBIDDEN'), admin: 'CONFLICT', coordinator: 'CONFLICT', advocateOnCase: 'CONFLICT', otherOrgAdmin: 'NOT_FOUND' },
  },
  // Tasks: any staff member of the organization writes them; the patient's side ticks the ones given to them.
  'Mutation.addCaseTask': {
    run: (_s, c, id = MARIA) => c.gql(`mutation($c: ID!) { addCaseTask(input: { caseId: $c, title: "matrix" }) { id } }`, { c: id }),
    expect: TASK_WRITERS,
  },
  'Mutation.updateCaseTask': {
    run: async (s, c, id) => {
      const t = id ? { id, version: 1 } : await freshTask(s);
      return c.gql(`mutation($id: ID!, $v: Int!) { updateCaseTask(input: { id: $id, expectedVersion: $v, title: "matrix 2" }) { id } }`, { id: t.id, v: t.version });
    },
    expect: TASK_WRITERS,
  },
  'Mutation.setCaseTaskDone': {
    // A task given to Maria: she ticks it; her caregiver (view access, not the assignee) cannot.
    run: async (s, c, id) => c.gql(`mutation($id: ID!) { setCaseTaskDone(input: { id: $id, done: true }) { id } }`, { id: id ?? (await freshTask(s)).id }),
    expect: { ...TASK_WRITERS, patientOfCase: 'ok' },
  },
  'Mutation.removeCaseTask': {
    run: async (s, c, id) => c.gql(`mutation($id: ID!) { removeCaseTask(id: $id) }`, { id: id ?? (await freshTask(s)).id }),
    expect: TASK_WRITERS,
  },
  'Query.myDay': {
    // Advocates always get their own day; coordinators and admins may ask for an advocate's.
    run: (_s, c, id = DEMO.users.harborAdvocate) => c.gql(`query($a: ID) { myDay(advocateId: $a) { items { key } } }`, { a: id }),
    expect: { ...ALL('FORBIDDEN'), admin: 'ok', coordinator: 'ok', advocateOnCase: 'ok', advocateNotOnCase: 'ok', otherOrgAdmin: 'NOT_FOUND' },
  },
};

// Fresh journey fixtures on Maria's case (journey-b), made by the admin.
const inDays = (n: number): string => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);
const lastOf = <T>(list: T[]): T => list[list.length - 1];
const freshQuestion = async (s: Ctx): Promise<{ id: string; version: number }> =>
  lastOf(
    (
      await s.as.admin.ok<{ addCaseQuestion: { questions: { id: string; version: number }[] } }>(
        `mutation($c: ID!) { addCaseQuestion(input: { caseId: $c, text: "fresh" }) { questions { id version } } }`,
        { c: MARIA },
      )
    ).addCaseQuestion.questions,
  );
const freshAppointment = async (s: Ctx): Promise<{ id: string; version: number }> => {
  const name = `Dr. ${randomUUID()}`;
  const r = await s.as.admin.ok<{ bookAppointment: { appointments: { id: string; version: number; providerName: string }[] } }>(
    `mutation($c: ID!, $d: String!, $n: String!) { bookAppointment(input: { caseId: $c, date: $d, time: "09:00", mode: PHONE, providerName: $n }) { appointments { id version providerName } } }`,
    { c: MARIA, d: inDays(6), n: name },
  );
  return r.bookAppointment.appointments.find((a) => a.providerName === name)!;
};
const freshTimelineEntry = async (s: Ctx): Promise<{ id: string; version: number }> => {
  const what = `entry ${randomUUID()}`;
  const r = await s.as.admin.ok<{ addOwnTimelineEntry: { ownTimeline: { id: string; version: number; what: string }[] } }>(
    `mutation($c: ID!, $d: String!, $w: String!) { addOwnTimelineEntry(input: { caseId: $c, occurredOn: $d, kind: OTHER, what: $w }) { ownTimeline { id version what } } }`,
    { c: MARIA, d: inDays(-2), w: what },
  );
  return r.addOwnTimelineEntry.ownTimeline.find((e) => e.what === what)!;
};
const freshOpinion = async (s: Ctx): Promise<{ id: string; version: number }> =>
  lastOf(
    (
      await s.as.admin.ok<{ addOpinion: { opinions: { id: string; version: number }[] } }>(
        `mutation($c: ID!, $d: String!) { addOpinion(input: { caseId: $c, providerName: "Dr. Fresh", givenOn: $d, diagnosis: "D", recommendedPlan: "P", urgency: ROUTINE, reasoning: "R" }) { opinions { id version } } }`,
        { c: MARIA, d: inDays(-1) },
      )
    ).addOpinion.opinions,
  );

function outcome(r: GqlResult, row: Row): Expect | string {
  if (r.errors?.length) return r.errors[0].extensions?.code ?? 'UNKNOWN';
  if (row.isEmpty?.(r)) return 'empty';
  return 'ok';
}

describe('authorization matrix', () => {
  let s: Ctx;

  beforeAll(async () => {
    const stack = await startTestStack('authz');
    const as = {} as Record<Caller, GqlClient>;
    const userIds = {} as Record<Caller, string>;
    for (const [caller, email] of Object.entries(CALLERS)) {
      as[caller as Caller] = await stack.signIn(email);
      userIds[caller as Caller] = (await stack.ds.query<{ id: string }[]>(`SELECT id FROM app_user WHERE email = $1`, [email]))[0].id;
    }
    s = { stack, as, userIds };
    holderId = (await as.admin.ok<{ createRecordHolder: { id: string } }>(`mutation { createRecordHolder(input: { name: "Lakeview Imaging", fax: "555-0100" }) { id } }`)).createRecordHolder.id;
  });
  afterAll(() => s?.stack.close());

  for (const [op, row] of Object.entries(MATRIX)) {
    for (const caller of Object.keys(CALLERS) as Caller[]) {
      const expected = row.expect[caller];
      it(`${op} × ${caller} → ${expected}`, async () => {
        // Each case starts a fresh window of the per-caller cap on denied-attempt rows.
        const redis = s.stack.app.get<Redis>(REDIS);
        const keys = await redis.keys(`${s.stack.config.redisPrefix}:denied:*`);
        if (keys.length) await redis.del(...keys);
        const [{ max: before }] = await s.stack.ds.query<{ max: string | null }[]>(`SELECT max(id) AS max FROM audit_event`);
        const r = await row.run(s, s.as[caller]);
        expect({ caller, op, got: outcome(r, row), errors: r.errors?.map((e) => e.message) }).toMatchObject({ got: expected });
        let ghostId: string | null = null;
        if (!CAN_SEE_MARIA[caller]) {
          // For someone outside the case's scope, indistinguishable from an id that does not exist.
          ghostId = randomUUID();
          const ghost = await row.run(s, s.as[caller], ghostId);
          expect(ghost.errors?.[0]).toEqual(r.errors?.[0]);
        }
        if (expected === 'NOT_FOUND') {
          // Every refusal leaves a trace for the caller's organization: who, which operation, which ids.
          const denied = await s.stack.ds.query<{ organization_id: string; ids: string[]; ip: string | null }[]>(
            `SELECT organization_id, detail->'ids' AS ids, ip FROM audit_event
             WHERE id > $1 AND action = 'access.denied' AND actor_user_id = $2 AND detail->>'operation' = $3 ORDER BY id`,
            [before ?? 0, s.userIds[caller], op],
          );
          expect({ op, caller, denied: denied.length >= (ghostId ? 2 : 1) }).toEqual({ op, caller, denied: true });
          if (ghostId) expect(denied.some((d) => d.ids.includes(ghostId as string))).toBe(true);
          expect(denied.every((d) => d.ip)).toBe(true);
        }
        expect(JSON.stringify(r)).not.toMatch(/stacktrace|at .*\.js:\d+/);
      });
    }
  }

  it('covers every operation of the schema that takes an id', () => {
    const schema = s.stack.app.get(GraphQLSchemaHost).schema;
    const takesId = (args: ReadonlyArray<{ type: GraphQLInputType }>, seen = new Set<string>()): boolean =>
      args.some((a) => {
        const t = getNamedType(a.type);
        if (t.name === 'ID') return true;
        if (isInputObjectType(t) && !seen.has(t.name)) {
          seen.add(t.name);
          return takesId(Object.values((t as GraphQLInputObjectType).getFields()), seen);
        }
        return false;
      });
    const ops: string[] = [];
    // Subscriptions too: a live event is a read and must obey the same scope.
    for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean) as GraphQLObjectType[]) {
      for (const f of Object.values(root.getFields())) if (takesId(f.args)) ops.push(`${root.name}.${f.name}`);
    }
    const missing = ops.filter((o) => !MATRIX[o]);
    expect(missing).toEqual([]);
    expect(ops.length).toBeGreaterThanOrEqual(Object.keys(MATRIX).length);
  });

  it('never sends an internal comment to a patient or caregiver, and always to staff', async () => {
    const q = `query($id: ID!) { case(id: $id) { comments { body internal } } }`;
    for (const who of ['patientOfCase', 'caregiver'] as const) {
      const r = await s.as[who].ok<{ case: { comments: { body: string; internal: boolean }[] } }>(q, { id: MARIA });
      expect(r.case.comments.length).toBeGreaterThan(0);
      expect(r.case.comments.some((c) => c.internal || c.body.startsWith('Staff only'))).toBe(false);
    }
    const staff = await s.as.advocateOnCase.ok<{ case: { comments: { internal: boolean }[] } }>(q, { id: MARIA });
    expect(staff.case.comments.some((c) => c.internal)).toBe(true);
  });

  it('refuses an internal comment from a patient and stores nothing', async () => {
    const before = await s.stack.ds.query(`SELECT count(*)::int AS n FROM case_comment`);
    const r = await s.as.patientOfCase.gql(`mutation { addComment(input: { caseId: "${MARIA}", body: "x", internal: true }) { id } }`);
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await s.stack.ds.query(`SELECT count(*)::int AS n FROM case_comment`)).toEqual(before);
  });

  it('lists only a patient’s own cases', async () => {
    const r = await s.as.patientOfCase.ok<{ cases: { nodes: { id: string }[]; totalCount: number } }>(`{ cases(first: 50) { totalCount nodes { id } } }`);
    expect(r.cases.nodes.map((n) => n.id)).toEqual([MARIA]);
    const other = await s.as.otherOrgAdmin.ok<{ cases: { nodes: { id: string }[] } }>(`{ cases(first: 50) { nodes { id } } }`);
    expect(other.cases.nodes.map((n) => n.id)).toEqual([DEMO.cases.northstarRuth]);
  });
});
