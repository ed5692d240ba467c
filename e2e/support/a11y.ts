// Accessibility check with axe-core: fails on serious or critical violations and says
// which rule, on which elements, and where to read about it. Minor and moderate findings
// are attached to the test report without failing it.
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { test } from '@playwright/test';

export interface A11yOptions {
  /** CSS selector(s) to limit the scan to */
  include?: string | string[];
  /** CSS selector(s) to leave out (e.g. third-party widgets) */
  exclude?: string | string[];
  /** axe rule ids to switch off, each with a reason in the calling test */
  disableRules?: string[];
  /** impacts that fail the test (default: serious and critical) */
  failOn?: Array<'minor' | 'moderate' | 'serious' | 'critical'>;
}

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

export function formatViolations(violations: Violation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `      at ${n.target.join(' ')}\n         ${(n.failureSummary ?? '').split('\n').join('\n         ')}`)
        .join('\n');
      const more = v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more element(s)` : '';
      return `  - [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} element(s))\n      ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n');
}

/** Scans the page as it is now; throws with a readable list if serious/critical rules fail. */
export async function expectNoA11yViolations(page: Page, options: A11yOptions = {}, testInfo: TestInfo = test.info()): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']);
  for (const selector of ([] as string[]).concat(options.include ?? [])) builder = builder.include(selector);
  for (const selector of ([] as string[]).concat(options.exclude ?? [])) builder = builder.exclude(selector);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);

  // Colours mid-transition (a dialog fading in, a button still pressed) are not the page's
  // colours: let running finite animations and transitions (not a looping spinner) finish first (a timeline run failed
  // color-contrast on a half-faded dialog, then passed on retry).
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity), undefined, { timeout: 5_000 })
    .catch(() => undefined);
  const results = await builder.analyze();
  const failOn = new Set<string>(options.failOn ?? ['serious', 'critical']);
  const failing = results.violations.filter((v) => failOn.has(v.impact ?? ''));
  const others = results.violations.filter((v) => !failOn.has(v.impact ?? ''));

  if (others.length) {
    await testInfo.attach('a11y-other-findings.txt', { body: formatViolations(others), contentType: 'text/plain' });
  }
  if (failing.length) {
    await testInfo.attach('a11y-violations.json', { body: JSON.stringify(failing, null, 2), contentType: 'application/json' });
    throw new Error(`Accessibility: ${failing.length} serious/critical violation(s) on ${page.url()}\n${formatViolations(failing)}`);
  }
}
