import { Badge } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useQuery } from 'urql';
import { ClockStatus } from '@second-look/domain';
import { formatDate } from '@second-look/web-ui';
import { CaseAppointmentsQuery, CaseRecordsQuery, type CaseDetail } from '@second-look/contracts/graphql';
import { isCaseSection, stageSection, type CaseSectionId } from './case-sections';
import { addAreaStrings, caseNavWords } from '@second-look/web-i18n';

addAreaStrings(caseNavWords);

/** The element that holds a part of the page; its id is the part's address. */
export const sectionElement = (id: CaseSectionId): HTMLElement | null => globalThis.document?.getElementById(id) ?? null;

/** Brings a part into view under the sticky index and moves focus there, so keyboard and screen-reader users land on it too. */
function goTo(id: CaseSectionId): void {
  const el = sectionElement(id);
  if (!el) return;
  // At once, not smoothly: a smooth scroll still under way when a panel above grows ends short of the part.
  el.scrollIntoView({ behavior: 'auto', block: 'start' });
  el.focus({ preventScroll: true });
}

/** What ends keeping a deep-linked part in place: the person scrolling, touching or typing themselves. */
const OWN_MOVES = ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const;

/**
 * Lands on a part opened by address (`/cases/:id#visit`, or the address changed by hand) or
 * chosen in the index, at once, and keeps it there while the parts above it fill in: their own
 * data arrives after they are drawn, and each panel that grows above would push the part down and
 * out of view. It stops at the person's own first scroll, tap or key, or after a few seconds.
 * Returns a stop.
 */
function landAndHold(id: CaseSectionId): () => void {
  let frame = 0;
  const land = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => goTo(id));
  };
  land();
  const main = globalThis.document?.querySelector('.sl-case-layout');
  const observer = typeof ResizeObserver === 'undefined' || !main ? null : new ResizeObserver(land);
  if (observer && main) observer.observe(main);
  const stop = () => {
    cancelAnimationFrame(frame);
    observer?.disconnect();
    clearTimeout(timer);
    for (const name of OWN_MOVES) globalThis.removeEventListener(name, stop);
  };
  const timer = setTimeout(stop, 5000);
  for (const name of OWN_MOVES) globalThis.addEventListener(name, stop, { passive: true });
  return stop;
}

type SectionState = { text: string; tone: 'warn' | 'info' };

/** What each part would tell you at a glance: late requests, the next visit, how many comments. Read from the panels' own cached queries. */
function useSectionStates(item: CaseDetail, timeZone: string): Partial<Record<CaseSectionId, SectionState>> {
  const { t, i18n } = useTranslation();
  const [records] = useQuery({ query: CaseRecordsQuery, variables: { id: item.id }, requestPolicy: 'cache-first' });
  const [visits] = useQuery({ query: CaseAppointmentsQuery, variables: { id: item.id }, requestPolicy: 'cache-first' });
  const states: Partial<Record<CaseSectionId, SectionState>> = {};
  const open = (records.data?.case?.recordRequests ?? []).filter((r) => !r.completedOn);
  const late = open.filter((r) => r.overall === ClockStatus.OVERDUE).length;
  if (late) states.records = { text: t('caseNav.state.overdue', { count: late }), tone: 'warn' };
  else if (open.length) states.records = { text: t('caseNav.state.open', { count: open.length }), tone: 'info' };
  const now = Date.now();
  const next = (visits.data?.case?.appointments ?? []).filter((a) => !a.cancelledAt && Date.parse(a.startsAt) >= now).sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  if (next) states.visit = { text: t('caseNav.state.visitOn', { date: formatDate(next.startsAt, i18n.language, timeZone) }), tone: 'info' };
  if (item.comments.length) states.comments = { text: t('caseNav.state.count', { count: item.comments.length }), tone: 'info' };
  return states;
}

/**
 * Which part is on screen now, watched as the page scrolls (the index marks it). A part chosen
 * from the index stays marked until the person scrolls themselves: the last parts cannot reach
 * the top of a page that ends below them.
 */
function useVisibleSection(order: readonly CaseSectionId[]): [CaseSectionId | null, (id: CaseSectionId) => void] {
  const [visible, setVisible] = useState<CaseSectionId | null>(null);
  const chosen = useRef<CaseSectionId | null>(null);
  const key = order.join(',');
  useEffect(() => {
    if (typeof IntersectionObserver === 'undefined') return;
    const seen = new Set<CaseSectionId>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const id = e.target.id;
          if (!isCaseSection(id)) continue;
          if (e.isIntersecting) seen.add(id);
          else seen.delete(id);
        }
        if (!chosen.current) setVisible(order.find((id) => seen.has(id)) ?? null);
      },
      // A part counts as "here" when it crosses the band just under the sticky index.
      { rootMargin: '-25% 0px -60% 0px' },
    );
    for (const id of order) {
      const el = sectionElement(id);
      if (el) observer.observe(el);
    }
    const release = () => {
      chosen.current = null;
    };
    const events = ['wheel', 'touchmove', 'keydown'] as const;
    for (const name of events) globalThis.addEventListener(name, release, { passive: true });
    return () => {
      observer.disconnect();
      for (const name of events) globalThis.removeEventListener(name, release);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const choose = (id: CaseSectionId) => {
    chosen.current = id;
    setVisible(id);
  };
  return [visible, choose];
}

/**
 * The case page's index: one link per part with what needs attention there, sticky under the
 * header (a row that wraps on a wide screen, a row that scrolls sideways on a phone). Opening
 * `/cases/:id#records` lands on that part; following a link moves focus there.
 */
export function CaseSectionNav(props: { item: CaseDetail; order: readonly CaseSectionId[]; timeZone: string; beforeJump: () => void }) {
  const { item, order, timeZone, beforeJump } = props;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hash } = useLocation();
  const states = useSectionStates(item, timeZone);
  const [visible, choose] = useVisibleSection(order);
  const now = stageSection(item.stage);
  // Set by a click in the index, which moves there itself; any other change of address is a deep link.
  const jumped = useRef<string | null>(null);
  // Ends holding the part the index last moved to.
  const holding = useRef<(() => void) | null>(null);
  useEffect(() => () => holding.current?.(), []);

  // A deep link, on opening the page or a changed address: land on the part and hold it there while the page fills in.
  useEffect(() => {
    const id = hash.slice(1);
    const fromIndex = jumped.current === id;
    jumped.current = null;
    if (fromIndex || !isCaseSection(id)) return;
    choose(id);
    return landAndHold(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hash]);

  return (
    <nav aria-label={t('caseNav.label')} className="sl-case-index">
      <ul>
        {order.map((id) => {
          const state = states[id];
          return (
            <li key={id}>
              <a
                href={`#${id}`}
                aria-current={visible === id ? 'location' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  jumped.current = id;
                  navigate({ hash: id }, { replace: true, preventScrollReset: true });
                  choose(id);
                  // Parts further down may not be drawn yet: draw them, then move on the next frame
                  // and hold the part in place while the parts above it load and grow.
                  beforeJump();
                  holding.current?.();
                  requestAnimationFrame(() => (holding.current = landAndHold(id)));
                }}
              >
                <span>{t(`caseNav.section.${id}`)}</span>
                {id === now ? (
                  <Badge size="sm" variant="filled" color="blue.8">
                    {t('caseNav.current')}
                  </Badge>
                ) : null}
                {state ? (
                  <Badge size="sm" variant={state.tone === 'warn' ? 'filled' : 'light'} color={state.tone === 'warn' ? 'red.9' : 'gray.8'}>
                    {state.text}
                  </Badge>
                ) : null}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
