import { SendInvitationEmailJob } from '@second-look/server-notifications';
import { EmailJobs } from '@second-look/server-jobs';
import { DEMO } from '../src/seed/demo-seed';
import { GqlClient, startTestStack, TestStack } from './support/test-stack';

const ACCEPT = `mutation($token: String!, $name: String!) { acceptInvitation(input: { token: $token, displayName: $name, password: "a-long-enough-password" }) { id role organization { id } } }`;
const tokenFrom = (link: string): string => link.split('/invite/')[1];

describe('invitations by e-mail, through the worker and a real SMTP listener', () => {
  let s: TestStack;
  let admin: GqlClient;
  beforeAll(async () => {
    s = await startTestStack('invites', { worker: true });
    admin = await s.signIn('admin@harbor.example');
  });
  afterAll(() => s?.close());

  const linkFor = async (email: string): Promise<string> => {
    const msg = await s.mail!.waitFor((m) => m.to.includes(email), 15000);
    const link = msg.links.find((l) => l.includes('/invite/'));
    expect(link).toMatch(/^http:\/\/second-look\.test\/invite\/[A-Za-z0-9_-]{40,}$/);
    return link!;
  };

  it('invites an advocate who sets a password, is signed in, and cannot reuse the link', async () => {
    await admin.ok(`mutation { inviteStaff(input: { email: "new.advocate@example.org", role: ADVOCATE }) { id } }`);
    const token = tokenFrom(await linkFor('new.advocate@example.org'));
    const preview = await s
      .client()
      .ok<{ invitationPreview: { organizationName: string; role: string } }>(`query($t: String!) { invitationPreview(token: $t) { organizationName role } }`, { t: token });
    expect(preview.invitationPreview).toEqual({ organizationName: 'Harbor Patient Advocates', role: 'ADVOCATE' });
    const c = s.client();
    const v = await c.ok<{ acceptInvitation: { role: string; organization: { id: string } } }>(ACCEPT, { token, name: 'Nia Park' });
    expect(v.acceptInvitation).toMatchObject({ role: 'ADVOCATE', organization: { id: DEMO.orgs.harbor } });
    const again = await s.client().gql(ACCEPT, { token, name: 'Someone Else' });
    expect(again.errors?.[0].extensions?.code).toBe('INVITATION_INVALID');
    const mail = s.mail!.messages.find((m) => m.to.includes('new.advocate@example.org'))!;
    expect(mail.text).not.toMatch(/diagnos|cancer/i);
  });

  it('takes a patient from invitation to their own case, and a caregiver with narrower rights', async () => {
    const advocate = await s.signIn('advocate@harbor.example');
    const created = await advocate.ok<{ createCase: { id: string } }>(
      `mutation { createCase(input: { patientName: "Hana Ito", question: "Is surgery needed?", diagnosisInDoubt: "Thyroid nodule", triggers: [UNCERTAIN_DIAGNOSIS], urgency: ROUTINE }) { id } }`,
    );
    const caseId = created.createCase.id;
    await advocate.ok(`mutation($c: ID!) { invitePatient(input: { caseId: $c, email: "hana@example.org" }) { id } }`, { c: caseId });
    const patient = s.client();
    await patient.ok(ACCEPT, { token: tokenFrom(await linkFor('hana@example.org')), name: 'Hana Ito' });
    const mine = await patient.ok<{ cases: { nodes: { id: string }[] } }>(`{ cases { nodes { id } } }`);
    expect(mine.cases.nodes.map((n) => n.id)).toEqual([caseId]);
    await patient.ok(`mutation($c: ID!) { addComment(input: { caseId: $c, body: "Here is my question list", internal: false }) { id } }`, { c: caseId });
    const seen = await advocate.ok<{ case: { comments: { body: string; author: { displayName: string } }[] } }>(`query($c: ID!) { case(id: $c) { comments { body author { displayName } } } }`, {
      c: caseId,
    });
    expect(seen.case.comments).toEqual([{ body: 'Here is my question list', author: { displayName: 'Hana Ito' } }]);

    await patient.ok(`mutation($c: ID!) { inviteCaregiver(input: { caseId: $c, email: "ken@example.org", access: VIEW }) { id } }`, { c: caseId });
    const caregiver = s.client();
    await caregiver.ok(ACCEPT, { token: tokenFrom(await linkFor('ken@example.org')), name: 'Ken Ito' });
    const read = await caregiver.ok<{ case: { permissions: { comment: boolean; edit: boolean } } }>(`query($c: ID!) { case(id: $c) { permissions { comment edit } } }`, { c: caseId });
    expect(read.case.permissions).toEqual({ comment: false, edit: false });
    const refused = await caregiver.gql(`mutation($c: ID!) { addComment(input: { caseId: $c, body: "hi", internal: false }) { id } }`, { c: caseId });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('sends each invitation once, however often the job runs or is enqueued', async () => {
    const inv = await admin.ok<{ inviteStaff: { id: string } }>(`mutation { inviteStaff(input: { email: "once@example.org", role: COORDINATOR }) { id } }`);
    await linkFor('once@example.org');
    const job = s.worker!.get(SendInvitationEmailJob);
    expect(await job.run({ invitationId: inv.inviteStaff.id })).toBe('already-sent');
    // The same work written to the outbox again: the relay re-adds the same job id, which BullMQ ignores.
    await s.ds.transaction((m) => s.app.get(EmailJobs).sendInvitation(m, inv.inviteStaff.id));
    await Promise.all([job.run({ invitationId: inv.inviteStaff.id }), job.run({ invitationId: inv.inviteStaff.id })]);
    await new Promise((r) => setTimeout(r, 500));
    expect(s.mail!.messages.filter((m) => m.to.includes('once@example.org'))).toHaveLength(1);
  });

  it('sends nothing for a revoked invitation, and a revoked link does not work', async () => {
    const inv = await admin.ok<{ inviteStaff: { id: string } }>(`mutation { inviteStaff(input: { email: "revoked@example.org", role: ADVOCATE }) { id } }`);
    const token = tokenFrom(await linkFor('revoked@example.org'));
    await admin.ok(`mutation($id: ID!) { revokeInvitation(id: $id) }`, { id: inv.inviteStaff.id });
    expect((await s.client().gql(ACCEPT, { token, name: 'X' })).errors?.[0].extensions?.code).toBe('INVITATION_INVALID');
    await s.ds.query(`DELETE FROM job_effect WHERE key LIKE $1`, [`%${inv.inviteStaff.id}`]);
    expect(await s.worker!.get(SendInvitationEmailJob).run({ invitationId: inv.inviteStaff.id })).toBe('no-longer-applies');
  });

  it('refuses an expired link', async () => {
    const inv = await admin.ok<{ inviteStaff: { id: string } }>(`mutation { inviteStaff(input: { email: "late@example.org", role: ADVOCATE }) { id } }`);
    const token = tokenFrom(await linkFor('late@example.org'));
    await s.ds.query(`UPDATE invitation SET expires_at = now() - interval '1 minute' WHERE id = $1`, [inv.inviteStaff.id]);
    expect((await s.client().gql(ACCEPT, { token, name: 'X' })).errors?.[0].extensions?.code).toBe('INVITATION_INVALID');
  });

  it('lets an admin change roles but never remove the last admin', async () => {
    const r = await admin.gql(`mutation($id: ID!) { changeMemberRole(userId: $id, role: COORDINATOR) { id } }`, { id: DEMO.users.harborAdmin });
    expect(r.errors?.[0].extensions?.code).toBe('LAST_ADMIN');
    const ok = await admin.ok<{ changeMemberRole: { role: string } }>(`mutation($id: ID!) { changeMemberRole(userId: $id, role: COORDINATOR) { role } }`, { id: DEMO.users.harborAdvocate2 });
    expect(ok.changeMemberRole.role).toBe('COORDINATOR');
  });
});

describe('opening a case with the patient’s e-mail', () => {
  let s: TestStack;
  beforeAll(async () => (s = await startTestStack('case-invite', { worker: true })));
  afterAll(() => s?.close());

  it('invites the patient at once', async () => {
    const advocate = await s.signIn('advocate@harbor.example');
    const r = await advocate.ok<{ createCase: { id: string; invitations: { email: string; role: string }[] } }>(
      `mutation { createCase(input: { patientName: "Rosa Diaz", patientEmail: "Rosa@Example.org", question: "Q", diagnosisInDoubt: "D", triggers: [MAJOR_DIAGNOSIS], urgency: URGENT }) { id invitations { email role } } }`,
    );
    expect(r.createCase.invitations).toEqual([{ email: 'rosa@example.org', role: 'PATIENT' }]);
    const msg = await s.mail!.waitFor((m) => m.to.includes('rosa@example.org'), 15000);
    const patient = s.client();
    await patient.ok(ACCEPT, { token: tokenFrom(msg.links.find((l) => l.includes('/invite/'))!), name: 'Rosa Diaz' });
    expect((await patient.ok<{ cases: { nodes: { id: string }[] } }>(`{ cases { nodes { id } } }`)).cases.nodes).toEqual([{ id: r.createCase.id }]);
  });
});
