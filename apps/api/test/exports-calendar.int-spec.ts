import ICAL from 'ical.js';
import { OBJECT_STORAGE, ObjectStorage } from '@second-look/server-records';
import { DEMO } from '../src/seed/demo-seed';
import { ExportCase, fillExportCase, SECRET } from './support/export-case';
import { GqlClient, startTestStack, TestStack } from './support/test-stack';

async function get(s: TestStack, who: GqlClient | null, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; text: string }> {
  const res = await fetch(`${s.url}${path}`, { headers: { ...headers, ...(who?.cookie ? { cookie: who.cookie } : {}) } });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** Reads the text back with Mozilla's parser (ical.js), independent of the writer. */
function events(ics: string): ICAL.Component[] {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
}
const prop = (v: ICAL.Component, name: string) => v.getFirstPropertyValue(name);
const byUid = (vs: ICAL.Component[], start: string) => vs.filter((v) => String(prop(v, 'uid')).startsWith(start));
/** An instant from ical.js as wall-clock time in a zone. */
const wallClock = (t: ICAL.Time, zone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', month: '2-digit', day: '2-digit' }).format(t.toJSDate());

const RESET = `mutation { resetCalendarFeed { url webcalUrl feed { enabled createdAt } } }`;

describe('calendar: appointment .ics files and personal feeds', () => {
  let s: TestStack;
  let data: ExportCase;
  const feedPath = (url: string) => new URL(url).pathname;

  beforeAll(async () => {
    s = await startTestStack('exports_calendar');
    // 10:00 in Chicago on each side of the end of daylight saving time (Nov 1, 2026): 15:00Z, then 16:00Z.
    data = await fillExportCase(
      s.ds,
      s.app.get<ObjectStorage>(OBJECT_STORAGE),
      { organizationId: DEMO.orgs.harbor, caseId: DEMO.cases.maria, advocateId: DEMO.users.harborAdvocate },
      {
        startsAt: [new Date('2030-10-25T15:00:00Z'), new Date('2030-11-08T16:00:00Z')],
      },
    );
    // The first is not canceled here: both visits are live, one before and one after the change.
    await s.ds.query(`UPDATE appointment SET cancelled_at = NULL WHERE id = $1`, [data.appointmentIds[0]]);
  });
  afterAll(() => s?.close());

  it('downloads one appointment as a valid event that keeps 10:00 local time across the DST change', async () => {
    const patient = await s.signIn('patient@harbor.example');
    const [before, after] = await Promise.all(data.appointmentIds.map((id) => get(s, patient, `/api/appointments/${id}/calendar.ics`)));
    expect(before.status).toBe(200);
    expect(before.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(before.headers.get('content-disposition')).toMatch(/^attachment; filename="second-opinion-appointment\.ics"/);
    const [a] = events(before.text);
    const [b] = events(after.text);
    expect(prop(a, 'uid')).toBe(`appointment-${data.appointmentIds[0]}@second-look`);
    expect(before.text).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    expect(before.text).toMatch(/\r\nDTSTART:20301025T150000Z\r\n/);
    expect(after.text).toMatch(/\r\nDTSTART:20301108T160000Z\r\n/);
    expect(wallClock(prop(a, 'dtstart') as ICAL.Time, 'America/Chicago')).toBe('10/25, 10:00');
    expect(wallClock(prop(b, 'dtstart') as ICAL.Time, 'America/Chicago')).toBe('11/08, 10:00');
    expect(prop(a, 'status')).toBe('CONFIRMED');
    const alarm = a.getFirstSubcomponent('valarm')!;
    expect(String(prop(alarm, 'trigger'))).toBe('-P1D');
    expect(prop(alarm, 'action')).toBe('DISPLAY');
    expect(prop(alarm, 'description')).toBeTruthy();
    // The person's own copy carries where to go.
    expect(prop(a, 'location')).toContain('Building B');
    const audit = await s.ds.query(`SELECT entity_id, case_id FROM audit_event WHERE action = 'export.calendar_appointment' AND actor_user_id = $1 ORDER BY id`, [DEMO.users.harborPatient]);
    expect(audit.map((a: { entity_id: string }) => a.entity_id).sort()).toEqual([...data.appointmentIds].sort());
    expect(audit.every((a: { case_id: string }) => a.case_id === DEMO.cases.maria)).toBe(true);
  });

  it('keeps the UID and raises SEQUENCE when the visit moves, and sends STATUS:CANCELLED when it is canceled', async () => {
    const advocate = await s.signIn('advocate@harbor.example');
    const path = `/api/appointments/${data.appointmentIds[1]}/calendar.ics`;
    const first = events((await get(s, advocate, path)).text)[0];
    await s.ds.query(`UPDATE appointment SET starts_at = starts_at + interval '1 day', version = version + 1 WHERE id = $1`, [data.appointmentIds[1]]);
    const moved = events((await get(s, advocate, path)).text)[0];
    await s.ds.query(`UPDATE appointment SET cancelled_at = now(), version = version + 1 WHERE id = $1`, [data.appointmentIds[1]]);
    const canceled = events((await get(s, advocate, path)).text)[0];
    expect(prop(moved, 'uid')).toBe(prop(first, 'uid'));
    expect(prop(canceled, 'uid')).toBe(prop(first, 'uid'));
    expect(Number(prop(moved, 'sequence'))).toBeGreaterThan(Number(prop(first, 'sequence')));
    expect(Number(prop(canceled, 'sequence'))).toBeGreaterThan(Number(prop(moved, 'sequence')));
    expect(prop(canceled, 'status')).toBe('CANCELLED');
    expect(canceled.getFirstSubcomponent('valarm')).toBeNull();
  });

  it.each([
    ['another organization', 'admin@northstar.example'],
    ['another patient', 'patient2@harbor.example'],
  ])('answers 404 for an appointment of %s', async (_w, email) => {
    const r = await get(s, await s.signIn(email), `/api/appointments/${data.appointmentIds[0]}/calendar.ics`);
    expect(r.status).toBe(404);
    expect(JSON.parse(r.text)).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });

  it('gives the advocate a redacted feed of the cases they lead: visits, both clocks, insurance and phase targets', async () => {
    const advocate = await s.signIn('advocate@harbor.example');
    const { resetCalendarFeed } = await advocate.ok<{ resetCalendarFeed: { url: string; webcalUrl: string; feed: { enabled: boolean } } }>(RESET);
    expect(resetCalendarFeed.url).toMatch(/^http:\/\/second-look\.test\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(resetCalendarFeed.webcalUrl).toBe(resetCalendarFeed.url.replace('http://', 'webcal://'));
    const stored = await s.ds.query(`SELECT token_hash FROM calendar_feed WHERE user_id = $1`, [DEMO.users.harborAdvocate]);
    expect(stored[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(resetCalendarFeed.url).not.toContain(stored[0].token_hash);
    const r = await get(s, null, feedPath(resetCalendarFeed.url));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const vs = events(r.text);
    expect(byUid(vs, `appointment-${data.appointmentIds[0]}`)).toHaveLength(1);
    const target = byUid(vs, `request-target-${data.requestIds[0]}`)[0];
    const legal = byUid(vs, `request-legal-${data.requestIds[0]}`)[0];
    expect(prop(target, 'summary')).toBe("Records due from St. Mary's Hospital (M. L.)");
    expect((prop(legal, 'dtstart') as ICAL.Time).isDate).toBe(true);
    expect(r.text).toContain('DTSTART;VALUE=DATE:20261119');
    expect(r.text).toContain('DTEND;VALUE=DATE:20261120');
    expect(prop(byUid(vs, `request-target-${data.requestIds[1]}`)[0], 'status')).toBe('CANCELLED');
    expect(byUid(vs, 'preauth-')).toHaveLength(1);
    expect(byUid(vs, `phase-records-${DEMO.cases.maria}`)).toHaveLength(1);
    // Redaction: no diagnosis, no condition, no document names, no place, no full name, no staff notes.
    for (const secret of ['carcinoma', 'Invasive', SECRET.fileName, 'Building B', 'Maria Lopez', 'STAFF-ONLY', 'mastectomy']) expect(r.text.toLowerCase()).not.toContain(secret.toLowerCase());
    expect(prop(target, 'url')).toBe(`http://second-look.test/cases/${DEMO.cases.maria}`);
    const audit = await s.ds.query(`SELECT actor_user_id, detail->>'kind' AS kind FROM audit_event WHERE action = 'export.calendar_feed_fetch'`);
    expect(audit).toEqual([{ actor_user_id: DEMO.users.harborAdvocate, kind: 'ics-feed' }]);
    // Another advocate leads none of these cases: their feed has none of it.
    const other = await (await s.signIn('advocate2@harbor.example')).ok<{ resetCalendarFeed: { url: string } }>(RESET);
    expect(byUid(events((await get(s, null, feedPath(other.resetCalendarFeed.url))).text), 'request-')).toEqual([]);
  });

  it("gives a patient only their own case's appointments", async () => {
    const patient = await s.signIn('patient@harbor.example');
    const { resetCalendarFeed } = await patient.ok<{ resetCalendarFeed: { url: string } }>(RESET);
    const vs = events((await get(s, null, feedPath(resetCalendarFeed.url))).text);
    expect(vs.length).toBeGreaterThan(0);
    expect(vs.every((v) => String(prop(v, 'uid')).startsWith('appointment-'))).toBe(true);
    const caseIds = await s.ds.query(`SELECT DISTINCT case_id FROM appointment WHERE id = ANY($1)`, [vs.map((v) => String(prop(v, 'uid')).slice(12, 48))]);
    expect(caseIds).toEqual([{ case_id: DEMO.cases.maria }]);
    const other = await (await s.signIn('patient2@harbor.example')).ok<{ resetCalendarFeed: { url: string } }>(RESET);
    const otherText = (await get(s, null, feedPath(other.resetCalendarFeed.url))).text;
    expect(otherText).not.toContain(data.appointmentIds[0]);
  });

  it('revokes the old URL on reset, and answers 404 once the person is deactivated or turns it off', async () => {
    const caregiver = await s.signIn('caregiver@harbor.example');
    const first = (await caregiver.ok<{ resetCalendarFeed: { url: string } }>(RESET)).resetCalendarFeed.url;
    expect((await get(s, null, feedPath(first))).status).toBe(200);
    const second = (await caregiver.ok<{ resetCalendarFeed: { url: string } }>(RESET)).resetCalendarFeed.url;
    expect((await get(s, null, feedPath(first))).status).toBe(404);
    expect((await get(s, null, feedPath(second))).status).toBe(200);
    await s.ds.query(`UPDATE app_user SET deactivated_at = now() WHERE id = $1`, [DEMO.users.harborCaregiver]);
    expect((await get(s, null, feedPath(second))).status).toBe(404);
    await s.ds.query(`UPDATE app_user SET deactivated_at = NULL WHERE id = $1`, [DEMO.users.harborCaregiver]);
    expect((await caregiver.ok<{ turnOffCalendarFeed: { enabled: boolean } }>(`mutation { turnOffCalendarFeed { enabled } }`)).turnOffCalendarFeed.enabled).toBe(false);
    expect((await get(s, null, feedPath(second))).status).toBe(404);
    expect((await caregiver.ok<{ calendarFeed: { enabled: boolean } }>(`query { calendarFeed { enabled } }`)).calendarFeed.enabled).toBe(false);
  });

  it('is no oracle: every unknown secret answers the same 404, and guessing from one address is stopped', async () => {
    const ip = { 'x-forwarded-for': '203.0.113.9' };
    const shapes = ['nope.ics', `${'A'.repeat(43)}.ics`, `${'A'.repeat(43)}`, '..%2F..%2Fetc.ics'];
    const answers = await Promise.all(shapes.map((p) => get(s, null, `/api/calendar/${p}`, ip)));
    expect(answers.map((a) => [a.status, a.text])).toEqual(shapes.map(() => [404, 'Not found']));
    let last = 0;
    for (let i = 0; i < 20 && last !== 429; i++) last = (await get(s, null, `/api/calendar/${'B'.repeat(43)}.ics`, ip)).status;
    expect(last).toBe(429);
  });
});
