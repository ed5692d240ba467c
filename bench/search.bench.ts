/**
 * Benchmark (not a test): search across cases (`Query.search`) at 100,000 cases.
 *
 *   npm run bench:search   (node --enable-source-maps --require ./bench/register.cjs bench/search.bench.ts)
 *
 * One run: a private PostgreSQL and Redis (or DATABASE_URL's server / REDIS_URL), the real API in
 * this process (NODE_ENV=production, migrated), the demo seed, then set-based bulk SQL: Harbor
 * gets BENCH_CASES cases (100,000) with names drawn from 60 first and 60 last names, one record
 * request each across 40 holders and a candidate provider for every other case; Northstar gets
 * BENCH_SMALL_CASES (1,000) the same way. VACUUM ANALYZE. Then, at BENCH_CONCURRENCY clients over
 * HTTP, the web client's SearchQuery for typical queries; each group is measured against baselines
 * in the same run: the same misspelled names in the 1,000-case organization, and exact prefixes
 * in the big one. The report prints p50/p95 per group, the ratio of p95s and EXPLAIN of one query.
 *
 * Knobs: BENCH_CASES (100000), BENCH_SMALL_CASES (1000), BENCH_CONCURRENCY (4),
 * BENCH_ITERATIONS (300 per group), BENCH_MAX_SECONDS (40 per group).
 */
import { INestApplication } from '@nestjs/common';
import { loadConfig } from '@second-look/server-platform';
import { SearchQuery } from '@second-look/contracts/graphql';
import { print } from 'graphql';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createApi } from '../apps/api/src/bootstrap';
import { DEMO, seedDemo } from '../apps/api/src/seed/demo-seed';
import { Cleanups, loadLine, machineLine, num, runBench, signInCookie, startBenchServices } from './support/bench-env';
import { runClosedLoop, summarise, table } from './support/measure';

const CASES = num('BENCH_CASES', 100_000);
const SMALL_CASES = num('BENCH_SMALL_CASES', 1_000);
const CONCURRENCY = num('BENCH_CONCURRENCY', 4);
const ITERATIONS = num('BENCH_ITERATIONS', 300);
const BUDGET_MS = num('BENCH_MAX_SECONDS', 40) * 1000;

const FIRST =
  'Maria,James,Linda,Robert,Patricia,Michael,Jennifer,William,Elizabeth,David,Barbara,Richard,Susan,Joseph,Jessica,Thomas,Sarah,Charles,Karen,Christopher,Nancy,Daniel,Lisa,Matthew,Betty,Anthony,Margaret,Mark,Sandra,Donald,Ashley,Steven,Kimberly,Paul,Emily,Andrew,Donna,Joshua,Michelle,Kenneth,Carol,Kevin,Amanda,Brian,Melissa,George,Deborah,Timothy,Stephanie,Ronald,Rebecca,Edward,Sharon,Jason,Laura,Jeffrey,Cynthia,Ryan,Kathleen,Jacob';
const LAST =
  'Lopez,Smith,Johnson,Williams,Brown,Jones,Garcia,Miller,Davis,Rodriguez,Martinez,Hernandez,Gonzalez,Wilson,Anderson,Thomas,Taylor,Moore,Jackson,Martin,Lee,Perez,Thompson,White,Harris,Sanchez,Clark,Ramirez,Lewis,Robinson,Walker,Young,Allen,King,Wright,Scott,Torres,Nguyen,Hill,Flores,Green,Adams,Nelson,Baker,Hall,Rivera,Campbell,Mitchell,Carter,Roberts,Whitfield,Okafor,Haddad,Brooks,Chen,Park,Obi,Menon,Ortiz,Shah';

/** Set-based bulk data for one organization: cases, holders, one request per case, providers on half. */
async function seedOrg(pool: Pool, org: string, createdBy: string, cases: number): Promise<void> {
  await pool.query(
    `INSERT INTO record_holder (organization_id, name, department)
     SELECT $1, h, 'Health information' FROM unnest(ARRAY['Lakeview Imaging Center','Mercy Lakes Hospital','Riverside Family Clinic','Northshore Cancer Institute',
       'Saint Anne Medical Group','Bayside Radiology','Prairie Pathology Lab','Lakeshore University Medical Center','Cedar Grove Orthopedics','Summit Cardiology',
       'Harbor View Hospital','Elm Street Pediatrics','Westfield Oncology','Granite Peak Imaging','Maple Ridge Clinic','Oak Park Surgical Center',
       'Silver Lake Neurology','Pine Valley Dermatology','Redwood Family Practice','Willow Creek Hospital']) AS h`,
    [org],
  );
  await pool.query(
    `INSERT INTO patient_case (organization_id, patient_name, question, diagnosis_in_doubt, created_by_id, stage, updated_at, version)
     SELECT $1, f[1 + (i::bigint * 7919) % array_length(f, 1)] || ' ' || l[1 + (i::bigint * 104729 / 7) % array_length(l, 1)], 'Is this the right plan?', 'To be confirmed', $2,
            (enum_range(NULL::case_stage))[1 + i % 10], now() - (i % 500) * interval '1 hour', 1
     FROM generate_series(1, $3::int) i, string_to_array($4, ',') f, string_to_array($5, ',') l`,
    [org, createdBy, cases, FIRST, LAST],
  );
  await pool.query(
    `INSERT INTO record_request (organization_id, case_id, holder_id, method, sent_on, plan_target_on, legal_due_on, original_legal_due_on, created_by_id, version)
     SELECT $1, c.id, h.ids[1 + (row_number() OVER ()) % array_length(h.ids, 1)], 'FAX', d, d + 14, d + 30, d + 30, $2, 1
     FROM patient_case c, (SELECT array_agg(id) ids FROM record_holder WHERE organization_id = $1) h, LATERAL (SELECT current_date - (abs(hashtext(c.id::text)) % 90) AS d) s
     WHERE c.organization_id = $1`,
    [org, createdBy],
  );
  await pool.query(
    `INSERT INTO provider_candidate (organization_id, case_id, name, specialty, institution, version)
     SELECT $1, c.id, 'Dr. ' || l[1 + abs(hashtext(c.id::text)) % array_length(l, 1)], 'Oncology', 'Lakeshore University Medical Center', 1
     FROM patient_case c, string_to_array($2, ',') l WHERE c.organization_id = $1 AND abs(hashtext(c.id::text)) % 2 = 0`,
    [org, LAST],
  );
}

async function main(): Promise<void> {
  const cleanups = new Cleanups();
  const t0 = performance.now();
  const say = (msg: string) => process.stdout.write(`[bench ${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${msg}\n`);
  try {
    const { work, redis, dbUrl } = await startBenchServices('search', cleanups);
    say(`machine: ${machineLine()}`);
    const config = loadConfig({
      NODE_ENV: 'production',
      COOKIE_SECURE: 'false',
      DATABASE_URL: dbUrl,
      REDIS_URL: redis.url,
      REDIS_PREFIX: `bench${randomBytes(3).toString('hex')}`,
      PUBLIC_URL: 'http://second-look.bench',
      MIGRATE_ON_START: 'true',
      LOG_LEVEL: 'error',
      STORAGE_DIR: join(work, 'documents'),
    });
    const app: INestApplication = await createApi(config, { logger: false });
    cleanups.push(() => app.close());
    await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/graphql`;
    await seedDemo(app.get(DataSource));
    const pool = new Pool({ connectionString: dbUrl, max: 2 });
    cleanups.push(() => pool.end());
    await seedOrg(pool, DEMO.orgs.harbor, DEMO.users.harborAdvocate, CASES);
    await seedOrg(pool, DEMO.orgs.northstar, DEMO.users.northstarAdvocate, SMALL_CASES);
    await pool.query('VACUUM ANALYZE');
    const counts = (await pool.query(`SELECT organization_id, count(*)::int n FROM patient_case GROUP BY 1`)).rows as { organization_id: string; n: number }[];
    say(`seeded: ${counts.map((c) => `${c.organization_id === DEMO.orgs.harbor ? 'Harbor' : 'Northstar'} ${c.n} cases`).join(', ')}, one record request each`);

    const big = await signInCookie(url, 'coordinator@harbor.example');
    const small = await signInCookie(url, 'admin@northstar.example');
    const query = print(SearchQuery);
    const groups: { name: string; cookie: string; queries: string[] }[] = [
      { name: `misspelled names, ${CASES.toLocaleString('en-US')} cases`, cookie: big, queries: ['Marai Lopes', 'Jenifer Smth', 'Whitfeld', 'Micheal Garcai', 'Lakevew Imaging', 'Dr. Okafr'] },
      {
        name: `misspelled names, ${SMALL_CASES.toLocaleString('en-US')} cases (baseline)`,
        cookie: small,
        queries: ['Marai Lopes', 'Jenifer Smth', 'Whitfeld', 'Micheal Garcai', 'Lakevew Imaging', 'Dr. Okafr'],
      },
      { name: `exact prefixes, ${CASES.toLocaleString('en-US')} cases (baseline)`, cookie: big, queries: ['Maria Lo', 'Jennifer Sm', 'Whitfield', 'Michael Ga', 'Lakeview', 'Dr. Okafor'] },
    ];
    const results: { name: string; p50: number; p95: number; n: number; hits: number }[] = [];
    for (const g of groups) {
      let i = 0;
      let hits = 0;
      const once = async () => {
        const q = g.queries[i++ % g.queries.length];
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', cookie: g.cookie }, body: JSON.stringify({ query, variables: { query: q } }) });
        const json = (await res.json()) as { data?: { search: { hits: unknown[] } }; errors?: unknown };
        if (!json.data) throw new Error(`search failed: ${JSON.stringify(json.errors)}`);
        hits += json.data.search.hits.length;
      };
      await runClosedLoop(once, CONCURRENCY, 30); // warm-up
      hits = 0;
      const s = summarise(await runClosedLoop(once, CONCURRENCY, ITERATIONS, BUDGET_MS));
      results.push({ name: g.name, p50: s.p50, p95: s.p95, n: s.n, hits: hits / s.n });
      say(`${g.name}: p95 ${s.p95.toFixed(1)} ms over ${s.n} requests`);
    }
    console.log(`\n== Query.search over HTTP, ${CONCURRENCY} clients (load average ${loadLine()}) ==`);
    console.log(
      table(
        ['group', 'requests', 'hits/answer', 'p50 ms', 'p95 ms', 'typos at scale p95 / this p95'],
        results.map((r) => [r.name, `${r.n}`, r.hits, r.p50, r.p95, `${(results[0].p95 / r.p95).toFixed(2)}x`]),
        [1],
      ),
    );
    const plan = (
      await pool.query(`EXPLAIN (ANALYZE, BUFFERS) SELECT id FROM patient_case WHERE organization_id = $1 AND (patient_name %> $2 OR patient_name ILIKE $3)`, [
        DEMO.orgs.harbor,
        'Marai Lopes',
        '%Marai Lopes%',
      ])
    ).rows as { 'QUERY PLAN': string }[];
    console.log(`\nThe patient-name part of one query (default similarity threshold):\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
    say('done');
  } finally {
    await cleanups.run();
  }
}

runBench(main);
