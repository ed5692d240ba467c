/**
 * Benchmark (not a test): the full FHIR R4 export of a large case (200 documents, 100 record
 * requests) and a staff calendar feed, over HTTP against the real API in this process, with the
 * longest event-loop block while they run (perf_hooks.monitorEventLoopDelay).
 *
 *   npm run bench:exports
 *
 * Knobs: BENCH_RUNS (5 per kind), BENCH_DOCUMENTS (200), BENCH_REQUESTS (100),
 * BENCH_FILE_BYTES (50000: the size of each stored file, read back for ?attachments=inline).
 * The target: no block of the API's event loop longer than about 50 ms (docs/exports.md).
 */
import { NODE_ENV } from './support/production-mode';
import { INestApplication } from '@nestjs/common';
import { OBJECT_STORAGE, ObjectStorage } from '@second-look/server-records';
import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { createApi } from '../apps/api/src/bootstrap';
import { DEMO, seedDemo } from '../apps/api/src/seed/demo-seed';
import { fillExportCase } from '../apps/api/test/support/export-case';
import { benchApiConfig, Cleanups, loadLine, machineLine, num, signInCookie, startBenchServices } from './support/bench-env';
import type { Bundle } from '@medplum/fhirtypes';
import { CalendarDate } from '@second-look/domain';
import { PatientCase } from '@second-look/server-cases';
import { buildCaseBundle, bundleJsonChunks, caseCalendarEntries, loadCalendarData, loadFhirCaseData, renderCalendarInSlices } from '@second-look/server-exports';
import { UserAccount } from '@second-look/server-identity';

const RUNS = num('BENCH_RUNS', 5);
const DOCUMENTS = num('BENCH_DOCUMENTS', 200);
const REQUESTS = num('BENCH_REQUESTS', 100);
const FILE_BYTES = num('BENCH_FILE_BYTES', 50_000);
const TARGET_BLOCK_MS = 50;

const t0 = performance.now();
const say = (msg: string) => process.stdout.write(`[bench ${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${msg}\n`);

interface Figures {
  label: string;
  times: number[];
  bytes: number;
  maxBlockMs: number;
}

async function measure(label: string, run: () => Promise<number>): Promise<Figures> {
  await run(); // warm-up: first-use compilation is not what a steady server does
  const times: number[] = [];
  let bytes = 0;
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    bytes = await run();
    times.push(performance.now() - start);
  }
  h.disable();
  return { label, times, bytes, maxBlockMs: h.max / 1e6 };
}

async function main(): Promise<void> {
  const cleanups = new Cleanups();
  try {
    say(machineLine());
    const { dbUrl, redis, work } = await startBenchServices('exports', cleanups);
    const config = benchApiConfig({ nodeEnv: NODE_ENV, dbUrl, redisUrl: redis.url, prefix: `b${randomBytes(4).toString('hex')}`, work });
    const app: INestApplication = await createApi(config, { logger: false });
    cleanups.push(() => app.close());
    await app.listen(0, '127.0.0.1');
    const url = await app.getUrl();
    const ds = app.get(DataSource);
    await seedDemo(ds);
    say(`seeding a case with ${REQUESTS} record requests and ${DOCUMENTS} documents of ${FILE_BYTES} bytes`);
    await fillExportCase(
      ds,
      app.get<ObjectStorage>(OBJECT_STORAGE),
      { organizationId: DEMO.orgs.harbor, caseId: DEMO.cases.maria, advocateId: DEMO.users.harborAdvocate },
      { requests: REQUESTS, documents: DOCUMENTS, fileBytes: FILE_BYTES },
    );
    const cookie = await signInCookie(`${url}/graphql`, 'advocate@harbor.example');
    const fetchBytes = async (path: string, withCookie = true): Promise<number> => {
      const res = await fetch(`${url}${path}`, { headers: withCookie ? { cookie } : {} });
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      return (await res.arrayBuffer()).byteLength;
    };
    const feed = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query: 'mutation { resetCalendarFeed { url } }' }) });
    const feedPath = new URL(((await feed.json()) as { data: { resetCalendarFeed: { url: string } } }).data.resetCalendarFeed.url).pathname;

    const results = [
      await measure('FHIR export, files as links', () => fetchBytes(`/api/cases/${DEMO.cases.maria}/fhir`)),
      await measure('FHIR export, files inline', () => fetchBytes(`/api/cases/${DEMO.cases.maria}/fhir?attachments=inline`)),
      await measure("advocate's calendar feed", () => fetchBytes(feedPath, false)),
    ];
    // The synchronous steps alone, in this process (no HTTP, no database): what can block the
    // loop whatever the machine's load. The longest single step is what the target is about.
    const m = ds.manager;
    const kase = await m.findOneByOrFail(PatientCase, { id: DEMO.cases.maria });
    const loaded = await loadFhirCaseData(m, kase, true);
    const storage = app.get<ObjectStorage>(OBJECT_STORAGE);
    const inline = new Map<string, string>();
    for (const doc of loaded.documents) {
      const chunks: Buffer[] = [];
      for await (const c of await storage.get(doc.storageKey)) chunks.push(c as Buffer);
      inline.set(doc.id, Buffer.concat(chunks).toString('base64'));
    }
    const user = await m.findOneByOrFail(UserAccount, { id: DEMO.users.harborAdvocate });
    const ctx = {
      exporter: { userId: user.id, organizationId: user.organizationId, role: user.role },
      exporterUser: user,
      appUrl: 'http://bench',
      zone: 'America/Chicago',
      today: '2026-12-01' as CalendarDate,
      now: new Date(),
    };
    const steps: { label: string; ms: number[] }[] = [
      { label: 'build the bundle (links)', ms: [] },
      { label: 'build the bundle (inline)', ms: [] },
      { label: 'one JSON entry (inline)', ms: [] },
      { label: "render the advocate's feed", ms: [] },
    ];
    const feedCases = await m.find(PatientCase, { where: { leadAdvocateId: DEMO.users.harborAdvocate } });
    const feedData = await loadCalendarData(m, feedCases, true);
    // The longest stretch between two yields of one call.
    const longestSlice = async (work: (pause: () => Promise<void>) => Promise<unknown>): Promise<number> => {
      let longest = 0;
      let since = performance.now();
      await work(async () => {
        longest = Math.max(longest, performance.now() - since);
        await new Promise((r) => setImmediate(r));
        since = performance.now();
      });
      return Math.max(longest, performance.now() - since);
    };
    const feedEntries = () => feedData.flatMap((d) => caseCalendarEntries(d, { language: 'en', zone: 'America/Chicago', appUrl: 'http://bench', staff: true, nameCase: true, withPlace: false }));
    for (let i = 0; i < RUNS + 1; i++) {
      steps[0].ms.push(await longestSlice((pause) => buildCaseBundle(loaded, { ...ctx, inline: null }, pause)));
      let big: Bundle | null = null;
      steps[1].ms.push(await longestSlice(async (pause) => (big = await buildCaseBundle(loaded, { ...ctx, inline }, pause))));
      let longest = 0;
      let t = performance.now();
      for (const _chunk of bundleJsonChunks(big!)) {
        const now = performance.now();
        longest = Math.max(longest, now - t);
        t = now;
      }
      steps[2].ms.push(longest);
      steps[3].ms.push(await longestSlice((pause) => renderCalendarInSlices(feedEntries(), { name: 'Second Look', zone: 'America/Chicago' }, pause)));
    }
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    process.stdout.write(`\n${'export'.padEnd(30)} ${'median'.padStart(10)} ${'max'.padStart(10)} ${'size'.padStart(12)} ${'longest block'.padStart(14)}\n`);
    for (const r of results) {
      const s = sorted(r.times);
      process.stdout.write(
        `${r.label.padEnd(30)} ${`${s[Math.floor(s.length / 2)].toFixed(0)} ms`.padStart(10)} ${`${s[s.length - 1].toFixed(0)} ms`.padStart(10)} ${`${(r.bytes / 1024).toFixed(0)} KiB`.padStart(12)} ${`${r.maxBlockMs.toFixed(1)} ms`.padStart(14)}\n`,
      );
    }
    process.stdout.write(`\n${'longest slice without a yield'.padEnd(30)} ${'median'.padStart(10)} ${'max'.padStart(10)}\n`);
    for (const st of steps) {
      const s = sorted(st.ms.slice(1)); // the first run compiles
      process.stdout.write(`${st.label.padEnd(30)} ${`${s[Math.floor(s.length / 2)].toFixed(1)} ms`.padStart(10)} ${`${s[s.length - 1].toFixed(1)} ms`.padStart(10)}\n`);
    }
    const worstStep = Math.max(...steps.map((st) => sorted(st.ms.slice(1))[Math.floor((st.ms.length - 1) / 2)]));
    const worst = Math.max(...results.map((r) => r.maxBlockMs));
    process.stdout.write(`\nLongest event-loop delay seen over HTTP: ${worst.toFixed(1)} ms (includes the machine's own scheduling delays at load ${loadLine()})\n`);
    process.stdout.write(`Longest synchronous step (median): ${worstStep.toFixed(1)} ms (target <= ${TARGET_BLOCK_MS} ms): ${worstStep <= TARGET_BLOCK_MS ? 'met' : 'NOT met'}\n`);
  } finally {
    await cleanups.run();
  }
}

void main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
