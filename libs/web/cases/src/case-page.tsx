import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Suspense, memo, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useClient, useQuery } from 'urql';
import { CaseArea, Urgency, isStaffRole } from '@second-look/domain';
import { useViewer } from '@second-look/web-auth';
import { Loading, PageTitle, PreferredLanguageBadge, QueryErrorState, formatDate, useProgressiveCount } from '@second-look/web-ui';
import { CaseAppointmentsQuery, CaseInsuranceQuery, CaseOpinionsQuery, CaseProvidersQuery, CaseQuery, CaseRecordsQuery, type CaseDetail } from '@second-look/contracts/graphql';
import { CaseActivityPanel, CasePresenceBar, EditingArea, useCaseLive, useCasePresence } from '@second-look/web-collaboration';
import { RecordPacketPanel, RecordRequestsPanel } from '@second-look/web-records';
import { CaseNotesPanel } from '@second-look/web-notes';
import { CaseTasksPanel, WhatToDoNextPanel, prefetchCaseTasks } from '@second-look/web-tasks';
import { CaseTimelinePanel } from '@second-look/web-timeline';
import { DoctorScriptPanel, ProvidersPanel } from '@second-look/web-providers';
import { InsurancePanel } from '@second-look/web-insurance';
import { CaseAppointmentsPanel, OwnTimelinePanel, VisitPacketLink } from '@second-look/web-appointments';
import { CaseOpinionsPanel } from '@second-look/web-opinions';
import { FhirExportPanel } from '@second-look/web-exports';
import { CaseCommentsPanel } from './case-comments-panel';
import { CaseDetailsPanel } from './case-details-panel';
import { CasePeoplePanel } from './case-people-panel';
import { CaseStagePanel } from './case-stage-panel';
import { CaseSummaryPanel } from './case-summary-panel';
import { PreferredLanguageSelect } from './preferred-language-select';
import { CaseSectionNav } from './case-section-nav';
import { CASE_SECTIONS, caseSectionOrder, isCaseSection, type CaseSectionId } from './case-sections';
import { addAreaStrings, caseWords } from '@second-look/web-i18n';

addAreaStrings(caseWords);

/**
 * One part of the case page: the target of its index link and of `/cases/:id#<part>`, focusable
 * for the move there. A part not drawn yet keeps its place (and its address) empty.
 */
/**
 * The journey's panels, each its own chunk: the page's own code draws the top and the first two
 * parts, and these are fetched as soon as that is on screen (docs/architecture.md, "First screens").
 */
const JOURNEY_PANELS = [
  RecordPacketPanel,
  RecordRequestsPanel,
  DoctorScriptPanel,
  ProvidersPanel,
  InsurancePanel,
  OwnTimelinePanel,
  CaseAppointmentsPanel,
  CaseOpinionsPanel,
  CaseActivityPanel,
  FhirExportPanel,
];
let journeyPanels: Promise<unknown> | null = null;
// Each panel's fetch starts in a task of its own: the bundler's preload helper adds a
// <link rel=modulepreload> for every chunk a panel needs, and all ten panels' links added at once
// held a mid-range phone's main thread for over a tenth of a second.
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve));
const preloadJourneyPanels = () => (journeyPanels ??= Promise.all(JOURNEY_PANELS.map((panel) => nextTask().then(() => panel.preload()))).catch(() => undefined));
const preloadWhatNext = () => WhatToDoNextPanel.preload().catch(() => undefined);

/** True once `start` is set and `preload`'s chunks are here (or failed: each panel then shows its own error). */
function useChunksHere(start: boolean, preload: () => Promise<unknown>): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!start) return;
    let live = true;
    void preload().then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [start, preload]);
  return ready;
}

/** A journey panel drawn before its chunk is here (a part near the top, a deep link) holds its place with the usual loader. */
const later = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;

/**
 * A memo: the page's own re-renders (its panels' chunks arriving, one more part drawn, the live
 * connection's state) hand each part the same element (CasePage's useMemo), so a part already
 * on screen is not drawn again.
 */
const CaseSection = memo(function CaseSection({ id, className, pending, children }: { id: CaseSectionId; className?: string; pending: boolean; children: ReactNode }) {
  const classes = ['sl-case-section', className, pending ? 'sl-case-pending' : null].filter(Boolean).join(' ');
  return (
    <div id={id} tabIndex={-1} className={classes}>
      {pending ? null : children}
    </div>
  );
});

/**
 * The case as last answered, kept when a new answer holds the same values. The cache hands the
 * page a new case whenever another panel's query writes to it, with its lists of plain values
 * (allowedStageMoves) rebuilt though nothing in them changed; a new case draws every panel again.
 */
function useSteady<T extends object>(value: T | null | undefined): T | null | undefined {
  const last = useRef(value);
  const steady = value && last.current && sameValues(value, last.current) ? last.current : value;
  useEffect(() => {
    last.current = steady;
  }, [steady]);
  return steady;
}

/** The same keys with the same values: each the same object, or lists holding the same items. */
function sameValues(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  return keys.every((k) => {
    const u = x[k];
    const v = y[k];
    if (u === v) return true;
    return Array.isArray(u) && Array.isArray(v) && u.length === v.length && u.every((e, i) => e === v[i]);
  });
}

export function CasePage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const viewer = useViewer();
  const [result, reexecute] = useQuery({ query: CaseQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  // The first two parts at once, the rest in a transition (React yields while it renders them); a deep link draws them all.
  // The rest follows once the journey panels' chunks, fetched after the first two parts are drawn, are here.
  const { hash } = useLocation();
  const loaded = Boolean(result.data?.case);
  const panelsHere = useChunksHere(loaded, preloadJourneyPanels);
  const [drawn, drawAll] = useProgressiveCount(CASE_SECTIONS.length, isCaseSection(hash.slice(1)) ? CASE_SECTIONS.length : 2, loaded && panelsHere);
  const reload = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const tz = viewer.organization.timeZone;
  const staff = isStaffRole(viewer.role);
  const client = useClient();
  // Live: others' changes land in the cache as they happen; after a reconnect, catch up once.
  const status = useCaseLive(id, () => {
    reload();
    void client.query(CaseRecordsQuery, { id }, { requestPolicy: 'network-only' }).toPromise();
    // The journey panels too: events missed while the socket was down are read in one go.
    const fresh = { requestPolicy: 'network-only' } as const;
    void client.query(CaseAppointmentsQuery, { id }, fresh).toPromise();
    void client.query(CaseOpinionsQuery, { id }, fresh).toPromise();
    void client.query(CaseProvidersQuery, { id }, fresh).toPromise();
    void client.query(CaseInsuranceQuery, { id }, fresh).toPromise();
  });
  const { viewId, setEditing } = useCasePresence(id);
  // A patient's largest paint is "What to do next" (its own chunk) with their tasks: both are asked
  // for beside the case, not once the case's answer has drawn the page around them. The panel
  // reads the tasks from the cache (usePanelQuery), so this answer is drawn with it. The page
  // waits for that chunk: drawn without it, the panel would suspend, and React retries a
  // suspended part only after every other update (the later parts, their answers), seconds later.
  const whatNextHere = useChunksHere(!staff, preloadWhatNext);
  useEffect(() => {
    if (!staff) void prefetchCaseTasks(client, id).catch(() => undefined);
  }, [staff, client, id]);
  const item = useSteady(result.data?.case);
  // Every panel's element is made once per answer of the case (and language): the page's other
  // re-renders (panels' chunks here, one more part drawn, the live connection's state) pass the
  // same elements on, and React does not draw those parts again.
  const parts = useMemo(() => (item ? caseParts(item, { staff, tz, reload, setEditing, language: i18n.language, t }) : null), [item, staff, tz, reload, setEditing, i18n.language, t]);

  if ((result.fetching && !result.data) || (!staff && !whatNextHere)) return <Loading />;
  if (result.error && !result.data) return <QueryErrorState error={result.error} onRetry={reload} />;
  if (!item || !parts) return <QueryErrorState error={result.error!} onRetry={reload} />;
  const order = caseSectionOrder(item.stage);

  return (
    <Stack gap="lg">
      {parts.top}
      {parts.whatNext}
      <CasePresenceBar caseId={id} viewId={viewId} status={status} />
      {parts.timeline}
      <CaseSectionNav item={item} order={order} timeZone={tz} beforeJump={drawAll} />
      <div className="sl-case-layout">
        <div className="sl-case-stage">{parts.stage}</div>
        <div className="sl-case-main">
          {order
            .filter((id) => id !== 'people')
            .map((id, i) => (
              <CaseSection key={id} id={id} pending={i >= drawn}>
                {parts.sections[id]}
              </CaseSection>
            ))}
        </div>
        <CaseSection id="people" className="sl-case-people" pending={drawn < CASE_SECTIONS.length}>
          {parts.people}
        </CaseSection>
      </div>
    </Stack>
  );
}

/** The case page's panels for one answer of the case, as elements (CasePage keeps them in a useMemo). */
function caseParts(
  item: CaseDetail,
  {
    staff,
    tz,
    reload,
    setEditing,
    language,
    t,
  }: { staff: boolean; tz: string; reload: () => void; setEditing: (area: CaseArea | null) => void; language: string; t: (key: string, options?: Record<string, unknown>) => string },
) {
  const area = (a: CaseArea, node: ReactNode) => (
    <EditingArea area={a} onEditing={setEditing}>
      {node}
    </EditingArea>
  );
  const summary = area(CaseArea.SUMMARY, <CaseSummaryPanel item={item} reload={reload} />);
  const details = area(CaseArea.DETAILS, <CaseDetailsPanel item={item} reload={reload} />);
  const comments = area(CaseArea.COMMENTS, <CaseCommentsPanel item={item} timeZone={tz} />);
  // The notes' editor (Yjs) is its own chunk, fetched while the rest of the page shows.
  const notes = area(
    CaseArea.NOTES,
    <Suspense fallback={<Loading />}>
      <CaseNotesPanel item={item} />
    </Suspense>,
  );
  const packet = area(CaseArea.PACKET, later(<RecordPacketPanel item={item} />));
  const requests = area(CaseArea.REQUESTS, later(<RecordRequestsPanel item={item} />));
  // Deciding and asking, choosing the provider, the insurance check (journey steps 2, 4, 5).
  const script = later(<DoctorScriptPanel item={item} />);
  const providers = later(<ProvidersPanel item={item} />);
  const insurance = later(<InsurancePanel item={item} />);
  // The patient's own timeline, the appointment and questions, opinions compared and the decision (steps 3, 6–9).
  const ownTimeline = later(<OwnTimelinePanel item={item} />);
  const appointments = area(CaseArea.QUESTIONS, later(<CaseAppointmentsPanel item={item} />));
  const opinions = area(CaseArea.OPINIONS, later(<CaseOpinionsPanel item={item} />));
  // Tasks (their own chunk); the patient's side reads "What to do next" first, at the top.
  const tasks = (
    <Suspense fallback={<Loading />}>
      <CaseTasksPanel item={item} />
    </Suspense>
  );
  // One tree at every width (the layout is CSS, styles.css .sl-case-layout): switching between
  // one column and two never rebuilds a panel, so text being typed survives a phone turning
  // sideways. The current stage's part leads the main column; the parts are keyed, so a stage
  // move reorders them without rebuilding one. Stage and people sit in the left column when wide.
  const sections: Record<Exclude<CaseSectionId, 'people'>, ReactNode> = {
    overview: (
      <>
        {summary}
        {details}
      </>
    ),
    tasks,
    notes,
    doctor: script,
    records: (
      <>
        {packet}
        {requests}
      </>
    ),
    timeline: ownTimeline,
    providers,
    insurance,
    visit: appointments,
    opinions,
    comments,
  };
  const top = (
    <Stack gap={4}>
      {staff ? (
        <Anchor component={Link} to="/cases" size="sm" className="sl-small-target">
          ← {t('common.backToCases')}
        </Anchor>
      ) : null}
      <Group gap="sm" align="center">
        <PageTitle title={item.patientName}>{item.patientName}</PageTitle>
        {item.urgency === Urgency.URGENT ? (
          <Badge color="red" variant="filled" size="lg">
            {t('case.urgent')}
          </Badge>
        ) : null}
        {staff ? <PreferredLanguageBadge language={item.preferredLanguage} size="lg" /> : null}
      </Group>
      {!staff && item.leadAdvocate ? <Text size="lg">{t('case.yourAdvocate', { name: item.leadAdvocate.displayName })}</Text> : null}
      <Text c="dimmed" size="sm">
        {t('case.openedOn', { when: formatDate(item.createdAt, language, tz) })}
      </Text>
      <PreferredLanguageSelect item={item} reload={reload} staff={staff} />
      <Group gap="xs">
        <VisitPacketLink caseId={item.id} />
      </Group>
    </Stack>
  );
  const whatNext = staff ? null : (
    <Suspense fallback={<Loading />}>
      <WhatToDoNextPanel item={item} />
    </Suspense>
  );
  const people = (
    <>
      <CasePeoplePanel item={item} timeZone={tz} />
      {later(<CaseActivityPanel item={item} timeZone={tz} />)}
      {later(<FhirExportPanel caseId={item.id} />)}
    </>
  );
  return { top, whatNext, timeline: <CaseTimelinePanel item={item} />, stage: <CaseStagePanel item={item} />, people, sections };
}
