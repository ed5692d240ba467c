#!/usr/bin/env node
// `npm run demo:clock -- +7d`: moves the demo clock of a running `npm start` forward, so the
// reminders due by then fire (in the app, and as e-mails in the mail sink's [mail] lines).
// It signs in as the demo admin and calls the dev-only advanceDemoClock mutation; a server
// in production refuses (the clock cannot even be turned on there: DEV_CLOCK is rejected at
// boot). Steps: +90m, +36h, +7d (at most 120 days at a time). No step: show the demo time.
// Env: DEMO_URL (default http://localhost:3000), DEMO_ADMIN (admin@harbor.example).
const base = (process.env.DEMO_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, '');
const email = process.env.DEMO_ADMIN || 'admin@harbor.example';
const step = process.argv[2];

async function gql(query, variables, cookie) {
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify({ query, variables }) });
  const json = await res.json();
  if (json.errors?.length) throw new Error(json.errors.map((e) => e.message).join('; '));
  return { data: json.data, res };
}

try {
  const { res } = await gql('mutation($e: String!, $p: String!) { signIn(input: { email: $e, password: $p }) { id } }', { e: email, p: 'demo-password-123' });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('sl_session='));
  if (!cookie) throw new Error(`could not sign in as ${email}`);
  const { data } = step
    ? await gql('mutation($by: String!) { advanceDemoClock(by: $by) { enabled now offsetHours } }', { by: step }, cookie)
    : await gql('{ demoClock { enabled now offsetHours } }', {}, cookie);
  const c = data.advanceDemoClock ?? data.demoClock;
  if (!c.enabled) throw new Error('the demo clock is off on this server');
  console.log(`Demo time is now ${new Date(c.now).toString()} (${(c.offsetHours / 24).toFixed(1)} days ahead). Due reminders are being sent.`);
} catch (e) {
  console.error(`demo:clock: ${e instanceof Error ? e.message : e} (is \`npm start\` running at ${base}?)`);
  process.exit(1);
}
