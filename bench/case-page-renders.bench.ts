/**
 * Benchmark (not a test): how much of the case page React renders again when someone types in a
 * field or opens a panel, on a long case against a short one (issue 20: interactions stay quick
 * on a long case).
 *
 *   npm run build && npm run bench:renders
 *
 * What one run does:
 *  1. Starts the built product as the browser tests do (support/web-stack.ts), then adds two cases
 *     to the demo organization with set-based SQL: a long one (60 record-packet items, 40 record
 *     requests, 200 comments, 30 questions) and a short one (3, 2, 3, 3), both for Maria, the
 *     demo patient, at the same stage.
 *  2. Opens each case page in Debian's Chromium (Playwright), as the coordinator and as Maria,
 *     waits until every part is drawn and the page is quiet, then: focuses the comment box and
 *     types 20 characters in it, types 20 characters in "Your own question", opens the first
 *     question's editor and types in it, and (staff) opens the packet's "Add an item" form and the
 *     "New request" form.
 *  3. Counts React's work with an init script that stands in for the React DevTools hook (the
 *     production build calls it on every commit): per commit, the components that rendered
 *     (fibers of function, class, forwardRef and memo components with React's PerformedWork flag,
 *     walking only the subtrees React reconciled in that commit), and the components in the whole
 *     tree. Then, with the counting off and the CPU slowed as on Lighthouse's phone
 *     (BENCH_CPU_SLOWDOWN, 4), the same interaction again for the main thread's busy time
 *     (Chromium's TaskDuration) per keystroke or per click, split into scripts and style plus
 *     layout, and the slowest input event (Event Timing).
 *  4. Prints a table per viewer: commits, components rendered per commit (median / max), that as a
 *     share of the page's components, and ms per keystroke or click; and the long case's ratios
 *     to the short one's.
 *
 * Knobs: BENCH_CPU_SLOWDOWN (4; 1 for this machine's speed), BENCH_TYPED (the text typed, 20 characters).
 */
import { chromium, type Browser, type CDPSession, type Locator, type Page } from '@playwright/test';
import { Client } from 'pg';
import { Cleanups, machineLine, num, signInCookie } from './support/bench-env';
import { table } from './support/measure';
import { CHROMIUM, CHROMIUM_FLAGS, startBuiltProduct } from './support/web-stack';
import { DEMO } from '../apps/api/src/seed/demo-seed';

const SLOWDOWN = num('BENCH_CPU_SLOWDOWN', 4);
const TYPED = process.env.BENCH_TYPED ?? 'reading the new scan';
const started = Date.now();
const say = (text: string) => process.stdout.write(`[bench ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${text}\n`);

interface Shape {
  items: number;
  requests: number;
  comments: number;
  questions: number;
}
const LONG: Shape = { items: 60, requests: 40, comments: 200, questions: 30 };
const SHORT: Shape = { items: 3, requests: 2, comments: 3, questions: 3 };
const CASES = { short: '0c000000-0000-4000-8000-0000000000b1', long: '0c000000-0000-4000-8000-0000000000b2' };

/**
 * Two copies of Maria's demo case (same stage, same patient), each with its own records,
 * comments and questions. Ids are md5 of a label, so rows reference each other without lookups.
 */
async function seedCases(databaseUrl: string): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const q = (sql: string, params: unknown[] = []) => db.query(sql, params);
  try {
    await q(`CREATE FUNCTION pg_temp.bid(label text) RETURNS uuid LANGUAGE sql IMMUTABLE AS
      $$ SELECT (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid FROM md5(label) AS h $$`);
    await q('BEGIN');
    await q(
      `INSERT INTO record_holder (id, organization_id, name, department, phone)
       SELECT pg_temp.bid('bench-holder:' || n), $1, (ARRAY['Lakeview Imaging','Mercy Lakes Hospital','Riverside Clinic','Northside Labs'])[n] || ' (bench)', 'Records', '555-01' || n
       FROM generate_series(1, 4) AS n`,
      [DEMO.orgs.harbor],
    );
    for (const [tag, shape] of [
      ['short', SHORT],
      ['long', LONG],
    ] as const) {
      const id = CASES[tag];
      const params = [id, DEMO.orgs.harbor, DEMO.users.harborAdvocate, DEMO.users.harborPatient, tag];
      // The case row as Maria's, under another id and name (whatever columns the table has today).
      await q(
        `INSERT INTO patient_case SELECT (jsonb_populate_record(NULL::patient_case, to_jsonb(c) || jsonb_build_object('id', $2::uuid, 'patient_name', $3::text))).*
         FROM patient_case c WHERE c.id = $1`,
        [DEMO.cases.maria, id, `Maria Lopez (${tag} case)`],
      );
      await q(`INSERT INTO case_participant (id, case_id, user_id, role) VALUES (pg_temp.bid('bench-participant:' || $2), $1, $3, 'PATIENT')`, [id, tag, DEMO.users.harborPatient]);
      await q(
        `INSERT INTO packet_item (id, organization_id, case_id, kind, title, holder_id, state, responsible, notes, version)
         SELECT pg_temp.bid('bench-item:' || $3 || ':' || n), $2, $1,
                (ARRAY['IMAGING_DISC','PATHOLOGY_SLIDES','PATHOLOGY_REPORT','LABS','CLINIC_NOTES','PROCEDURE_REPORT','MEDICATIONS_ALLERGIES'])[1 + n % 7]::packet_item_kind,
                'Packet item ' || n, pg_temp.bid('bench-holder:' || (1 + n % 4)),
                (ARRAY['NEEDED','REQUESTED','RECEIVED'])[1 + n % 3]::packet_item_state, 'ADVOCATE',
                CASE WHEN n % 4 = 0 THEN 'Asked twice; the desk says next week.' ELSE '' END, 1
         FROM generate_series(1, ${shape.items}) AS n`,
        [id, DEMO.orgs.harbor, tag],
      );
      await q(
        `INSERT INTO record_request (id, organization_id, case_id, holder_id, method, sent_on, plan_target_on, legal_due_on, original_legal_due_on, letter, created_by_id, version)
         SELECT pg_temp.bid('bench-request:' || $4 || ':' || n), $2, $1, pg_temp.bid('bench-holder:' || (1 + n % 4)),
                (ARRAY['PORTAL','FAX','EMAIL','MAIL'])[1 + n % 4]::record_request_method,
                current_date - (n % 30), current_date - (n % 30) + 14, current_date - (n % 30) + 30, current_date - (n % 30) + 30,
                'To the records office: please send copies of the records listed.', $3, 1
         FROM generate_series(1, ${shape.requests}) AS n`,
        [id, DEMO.orgs.harbor, DEMO.users.harborAdvocate, tag],
      );
      await q(
        `INSERT INTO record_request_item (organization_id, request_id, packet_item_id)
         SELECT $1, pg_temp.bid('bench-request:' || $2 || ':' || n), pg_temp.bid('bench-item:' || $2 || ':' || (1 + (n - 1) % ${shape.items}))
         FROM generate_series(1, ${shape.requests}) AS n`,
        [DEMO.orgs.harbor, tag],
      );
      await q(
        `INSERT INTO case_comment (id, case_id, organization_id, author_id, body, internal, created_at)
         SELECT pg_temp.bid('bench-comment:' || $5 || ':' || n), $1, $2, CASE WHEN n % 3 = 0 THEN $4::uuid ELSE $3::uuid END,
                'Comment ' || n || ': ' || repeat('an update on the records and the visit. ', 1 + n % 4), n % 3 <> 0 AND n % 5 = 0,
                now() - make_interval(hours => ${shape.comments} - n)
         FROM generate_series(1, ${shape.comments}) AS n`,
        params,
      );
      await q(
        `INSERT INTO case_question (id, organization_id, case_id, text, position, created_by_id, version)
         SELECT pg_temp.bid('bench-question:' || $4 || ':' || n), $2, $1, 'Question ' || n || ': what would change if we waited another month?', n, $3, 1
         FROM generate_series(1, ${shape.questions}) AS n`,
        [id, DEMO.orgs.harbor, DEMO.users.harborAdvocate, tag],
      );
    }
    await q('COMMIT');
  } catch (error) {
    await q('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
}

/** What the init script keeps on `window` (see installRenderCounter). */
interface Counter {
  counting: boolean;
  commits: Array<{ at: number; rendered: number }>;
  events: number[];
  total(): number;
}
type Win = typeof globalThis & { __renderBench: Counter };

/**
 * Runs in the page before its scripts: a minimal stand-in for the React DevTools hook, which
 * react-dom's production build injects itself into and calls after every commit.
 */
function installRenderCounter(): void {
  interface Fiber {
    tag: number;
    flags: number;
    child: Fiber | null;
    sibling: Fiber | null;
    alternate: Fiber | null;
  }
  interface FiberRoot {
    current: Fiber;
  }
  // React's work tags of components that run user code: function, class, forwardRef, simple memo.
  const COMPONENT_TAGS = new Set([0, 1, 11, 15]);
  const PERFORMED_WORK = 1;
  let lastRoot: FiberRoot | null = null;
  const isComponent = (f: Fiber) => COMPONENT_TAGS.has(f.tag);
  /** Components that rendered in the commit just made: a fiber whose children are still its alternate's was not reconciled below. */
  const renderedIn = (root: FiberRoot) => {
    let n = 0;
    const stack: Fiber[] = [root.current];
    while (stack.length) {
      const f = stack.pop() as Fiber;
      if (isComponent(f) && (f.flags & PERFORMED_WORK) !== 0) n++;
      if (f.child && !(f.alternate && f.alternate.child === f.child)) for (let c: Fiber | null = f.child; c; c = c.sibling) stack.push(c);
    }
    return n;
  };
  const counter = {
    counting: true,
    commits: [] as Array<{ at: number; rendered: number }>,
    events: [] as number[],
    total() {
      let n = 0;
      const stack: Fiber[] = lastRoot ? [lastRoot.current] : [];
      while (stack.length) {
        const f = stack.pop() as Fiber;
        if (isComponent(f)) n++;
        for (let c = f.child; c; c = c.sibling) stack.push(c);
      }
      return n;
    },
  };
  const w = window as unknown as Record<string, unknown>;
  w['__renderBench'] = counter;
  w['__REACT_DEVTOOLS_GLOBAL_HOOK__'] = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => undefined,
    onCommitFiberRoot: (_id: number, root: FiberRoot) => {
      lastRoot = root;
      counter.commits.push({ at: performance.now(), rendered: counter.counting ? renderedIn(root) : -1 });
    },
    onCommitFiberUnmount: () => undefined,
    onPostCommitFiberRoot: () => undefined,
  };
  // The slowest input events (Event Timing reports those of 16 ms and more: from the key to the next paint).
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) counter.events.push(e.duration);
  }).observe({ type: 'event', buffered: false, durationThreshold: 16 } as PerformanceObserverInit);
}

interface Figures {
  commits: number;
  median: number;
  max: number;
  total: number;
  ms: number;
  /** Of `ms`: running scripts, and style and layout (the browser's share, which grows with the page's size). */
  scriptMs: number;
  layoutMs: number;
  slowestEvent: number;
  per: number;
}

const median = (values: number[]) => (values.length ? ([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number) : 0);

/** Waits until React has not committed for `quietMs` (live updates, presence, a blur's delayed "stopped editing"). */
async function settle(page: Page, quietMs = 1200, maxMs = 20_000): Promise<void> {
  const until = Date.now() + maxMs;
  while (Date.now() < until) {
    const idle = await page.evaluate(() => {
      const c = (globalThis as Win).__renderBench.commits;
      return performance.now() - (c.length ? (c[c.length - 1] as { at: number }).at : 0);
    });
    if (idle >= quietMs) return;
    await page.waitForTimeout(Math.max(100, quietMs - idle));
  }
}

/** Chromium's running totals of main-thread busy time, in seconds: all tasks, scripts, and style plus layout. */
async function busySeconds(cdp: CDPSession): Promise<{ task: number; script: number; layout: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return { task: get('TaskDuration'), script: get('ScriptDuration'), layout: get('LayoutDuration') + get('RecalcStyleDuration') };
}

interface Interaction {
  name: string;
  /** Keystrokes or clicks the figures are divided by. */
  per: number;
  /** Puts the page where the interaction starts (not measured): e.g. clears the field, closes the form. */
  before?: (page: Page) => Promise<void>;
  run: (page: Page) => Promise<void>;
}

/** One interaction twice: counting renders, then (counting off, CPU slowed) timing the main thread. */
async function measure(page: Page, cdp: CDPSession, interaction: Interaction): Promise<Figures> {
  const reset = (counting: boolean) =>
    page.evaluate((on) => {
      const b = (globalThis as Win).__renderBench;
      b.counting = on;
      b.commits = [];
      b.events = [];
    }, counting);
  await interaction.before?.(page);
  await settle(page);
  await reset(true);
  await interaction.run(page);
  await settle(page);
  const counted = await page.evaluate(() => {
    const b = (globalThis as Win).__renderBench;
    return { rendered: b.commits.map((c) => c.rendered), total: b.total() };
  });

  await interaction.before?.(page);
  await settle(page);
  await reset(false);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
  const before = await busySeconds(cdp);
  await interaction.run(page);
  await settle(page, 600);
  const after = await busySeconds(cdp);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const events = await page.evaluate(() => (globalThis as Win).__renderBench.events);
  return {
    commits: counted.rendered.length,
    median: median(counted.rendered),
    max: Math.max(0, ...counted.rendered),
    total: counted.total,
    ms: ((after.task - before.task) * 1000) / interaction.per,
    scriptMs: ((after.script - before.script) * 1000) / interaction.per,
    layoutMs: ((after.layout - before.layout) * 1000) / interaction.per,
    slowestEvent: Math.max(0, ...events),
    per: interaction.per,
  };
}

/** Opens a case page and waits until every part is drawn with its data and React is quiet. */
async function openCase(page: Page, baseUrl: string, caseId: string, shape: Shape): Promise<void> {
  await page.goto(`${baseUrl}/cases/${caseId}`);
  await page.locator('.sl-case-section').first().waitFor();
  // Parts below the first two are drawn in a transition after the journey panels' chunks arrive.
  await page.waitForFunction(() => document.querySelectorAll('.sl-case-section').length > 3 && !document.querySelector('.sl-case-pending'), undefined, { timeout: 60_000 });
  await page
    .getByRole('listitem')
    .filter({ hasText: `Question ${shape.questions}:` })
    .first()
    .waitFor({ timeout: 60_000 });
  await page.waitForFunction((n) => document.querySelectorAll('article[aria-labelledby^="packet-item-"]').length >= n, shape.items, { timeout: 60_000 });
  await settle(page, 2000, 60_000);
}

const typeInto = (field: (page: Page) => Locator, clickFirst = true): Pick<Interaction, 'before' | 'run'> => ({
  before: async (page) => {
    await field(page).fill('');
    if (clickFirst) await field(page).click();
  },
  run: async (page) => {
    await page.keyboard.type(TYPED, { delay: 30 });
  },
});

function interactions(staff: boolean): Interaction[] {
  const comment = (page: Page) => page.getByLabel('Add a comment');
  const ownQuestion = (page: Page) => page.getByLabel('Your own question');
  const firstEdit = (page: Page) => page.getByRole('button', { name: /^Edit: Question 1:/ });
  const editor = (page: Page) => page.getByRole('textbox', { name: 'Question', exact: true });
  const cancel = async (page: Page) => {
    const button = page.getByRole('button', { name: 'Cancel', exact: true });
    while (await button.count()) await button.first().click();
  };
  const list: Interaction[] = [
    {
      name: 'focus the comment box',
      per: 1,
      before: async (page) => {
        await page.locator('body').click({ position: { x: 1, y: 1 } });
      },
      run: async (page) => {
        await comment(page).click();
      },
    },
    { name: `type ${TYPED.length} chars in the comment box`, per: TYPED.length, ...typeInto(comment) },
    { name: `type ${TYPED.length} chars in "Your own question"`, per: TYPED.length, ...typeInto(ownQuestion) },
    {
      name: "open a question's editor",
      per: 1,
      before: cancel,
      run: async (page) => {
        await firstEdit(page).click();
        await editor(page).waitFor();
      },
    },
    {
      name: `type ${TYPED.length} chars in a question's editor`,
      per: TYPED.length,
      before: async (page) => {
        if (!(await editor(page).count())) await firstEdit(page).click();
        await editor(page).fill('');
        await editor(page).click();
      },
      run: async (page) => {
        await page.keyboard.type(TYPED, { delay: 30 });
      },
    },
  ];
  if (staff) {
    list.push(
      {
        name: 'open the packet\'s "Add an item" form',
        per: 1,
        before: cancel,
        run: async (page) => {
          await page.getByRole('button', { name: /Add an item/ }).click();
          await page.getByRole('button', { name: 'Cancel', exact: true }).first().waitFor();
        },
      },
      {
        name: 'open the "New request" form',
        per: 1,
        before: cancel,
        run: async (page) => {
          await page.getByRole('button', { name: 'New request', exact: true }).click();
          await page.getByRole('button', { name: 'Cancel', exact: true }).first().waitFor();
        },
      },
    );
  }
  return list;
}

async function run(browser: Browser, baseUrl: string, who: string, email: string, staff: boolean): Promise<void> {
  const cookie = await signInCookie(`${baseUrl}/graphql`, email);
  const [name, value] = cookie.split('=') as [string, string];
  const results: Record<'short' | 'long', Array<{ name: string; f: Figures }>> = { short: [], long: [] };
  for (const size of ['short', 'long'] as const) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    await context.addCookies([{ name, value, url: baseUrl }]);
    await context.addInitScript(installRenderCounter);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await openCase(page, baseUrl, CASES[size], size === 'long' ? LONG : SHORT);
    say(`${who}: ${size} case drawn (${await page.evaluate(() => (globalThis as Win).__renderBench.total())} components)`);
    for (const interaction of interactions(staff)) {
      results[size].push({ name: interaction.name, f: await measure(page, cdp, interaction) });
    }
    await context.close();
  }
  const rows = results.long.map(({ name, f }, i) => {
    const base = results.short[i]?.f as Figures;
    const share = (x: Figures) => `${((x.median / x.total) * 100).toFixed(0)}% / ${((x.max / x.total) * 100).toFixed(0)}%`;
    return [
      name,
      `${(f.commits / f.per).toFixed(1)} (${(base.commits / base.per).toFixed(1)})`,
      `${f.median} / ${f.max} (${base.median} / ${base.max})`,
      `${share(f)} of ${f.total} (${share(base)} of ${base.total})`,
      `${f.ms.toFixed(1)} (${base.ms.toFixed(1)})`,
      `${f.scriptMs.toFixed(1)} / ${f.layoutMs.toFixed(1)} (${base.scriptMs.toFixed(1)} / ${base.layoutMs.toFixed(1)})`,
      f.slowestEvent ? `${f.slowestEvent.toFixed(0)}` : '<16',
      `${(f.max / Math.max(1, base.max)).toFixed(1)}x`,
      `${(f.ms / base.ms).toFixed(1)}x`,
    ];
  });
  console.log(`\n== ${who}: long case (short case in brackets); CPU ${SLOWDOWN}x slower for the ms ==`);
  console.log(
    table(
      [
        'interaction',
        'commits per key/click',
        'components rendered per commit, median / max',
        'share of the page, median / max',
        'ms main thread per key/click',
        'of which ms script / style+layout',
        'slowest event ms',
        'rendered long/short',
        'ms long/short',
      ],
      rows,
      [1, 2, 3, 5],
    ),
  );
}

async function main(): Promise<void> {
  say(`machine: ${machineLine()}; Chromium ${CHROMIUM}; CPU slowdown ${SLOWDOWN}x for the timings`);
  const cleanups = new Cleanups();
  try {
    const product = await startBuiltProduct();
    cleanups.push(product.teardown);
    await seedCases(product.databaseUrl);
    say(`seeded a long case (${JSON.stringify(LONG)}) and a short one (${JSON.stringify(SHORT)})`);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
    cleanups.push(() => browser.close());
    await run(browser, product.baseUrl, 'coordinator (staff)', 'coordinator@harbor.example', true);
    await run(browser, product.baseUrl, 'Maria (patient)', 'patient@harbor.example', false);
    say(`done; ${machineLine()}`);
  } finally {
    await cleanups.run();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
