import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useClient, useQuery } from 'urql';
import { CaseArea, Urgency, isStaffRole } from '@second-look/domain';
import { useViewer } from '@second-look/web-auth';
import { Loading, PageTitle, PreferredLanguageBadge, QueryErrorState, formatDate } from '@second-look/web-ui';
import { CaseAppointmentsQuery, CaseInsuranceQuery, CaseOpinionsQuery, CaseProvidersQuery, CaseQuery, CaseRecordsQuery } from '@second-look/contracts/graphql';
import { CaseActivityPanel, CasePresenceBar, EditingArea, useCaseLive, useCasePresence } from '@second-look/web-collaboration';
import { RecordPacketPanel, RecordRequestsPanel } from '@second-look/web-records';
import { CaseNotesPanel } from '@second-look/web-notes';
import { CaseTimelinePanel } from '@second-look/web-timeline';
import { DoctorScriptPanel, ProvidersPanel } from '@second-look/web-providers';
import { InsurancePanel } from '@second-look/web-insurance';
import { CaseAppointmentsPanel, OwnTimelinePanel } from '@second-look/web-appointments';
import { CaseOpinionsPanel } from '@second-look/web-opinions';
import { CaseCommentsPanel } from './case-comments-panel';
import { CaseDetailsPanel } from './case-details-panel';
import { CasePeoplePanel } from './case-people-panel';
import { CaseStagePanel } from './case-stage-panel';
import { CaseSummaryPanel } from './case-summary-panel';
import { PreferredLanguageSelect } from './preferred-language-select';

export function CasePage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const viewer = useViewer();
  const [result, reexecute] = useQuery({ query: CaseQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const tz = viewer.organization.timeZone;
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
  const { people: present, setEditing } = useCasePresence(id);
  const area = (a: CaseArea, node: ReactNode) => (
    <EditingArea area={a} onEditing={setEditing}>
      {node}
    </EditingArea>
  );

  if (result.fetching && !result.data) return <Loading />;
  if (result.error && !result.data) return <QueryErrorState error={result.error} onRetry={reload} />;
  const item = result.data?.case;
  if (!item) return <QueryErrorState error={result.error!} onRetry={reload} />;
  const staff = isStaffRole(viewer.role);
  const stage = <CaseStagePanel item={item} />;
  const people = <CasePeoplePanel item={item} timeZone={tz} />;
  const summary = area(CaseArea.SUMMARY, <CaseSummaryPanel item={item} reload={reload} />);
  const details = area(CaseArea.DETAILS, <CaseDetailsPanel item={item} reload={reload} />);
  const comments = area(CaseArea.COMMENTS, <CaseCommentsPanel item={item} timeZone={tz} />);
  const activity = <CaseActivityPanel item={item} timeZone={tz} />;
  const presence = <CasePresenceBar people={present} status={status} />;
  // The notes' editor (Yjs) is its own chunk, fetched while the rest of the page shows.
  const notes = area(
    CaseArea.NOTES,
    <Suspense fallback={<Loading />}>
      <CaseNotesPanel item={item} />
    </Suspense>,
  );
  const packet = area(CaseArea.PACKET, <RecordPacketPanel item={item} />);
  const requests = area(CaseArea.REQUESTS, <RecordRequestsPanel item={item} />);
  // Deciding and asking, choosing the provider, the insurance check (journey steps 2, 4, 5).
  const script = <DoctorScriptPanel item={item} />;
  const providers = <ProvidersPanel item={item} />;
  const insurance = <InsurancePanel item={item} />;
  // The patient's own timeline, the appointment and questions, opinions compared and the decision (steps 3, 6–9).
  const ownTimeline = <OwnTimelinePanel item={item} />;
  const appointments = area(CaseArea.QUESTIONS, <CaseAppointmentsPanel item={item} />);
  const opinions = area(CaseArea.OPINIONS, <CaseOpinionsPanel item={item} />);

  return (
    <Stack gap="lg">
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
        {!staff && item.leadAdvocate ? (
          <Text size="lg">{t('case.yourAdvocate', { name: item.leadAdvocate.displayName })}</Text>
        ) : null}
        <Text c="dimmed" size="sm">
          {t('case.openedOn', { when: formatDate(item.createdAt, i18n.language, tz) })}
        </Text>
        <PreferredLanguageSelect item={item} reload={reload} staff={staff} />
      </Stack>
      {presence}
      <CaseTimelinePanel item={item} />
      {/* One tree at every width (the layout is CSS, styles.css .sl-case-layout): switching
          between one column and two never rebuilds a panel, so text being typed survives a
          tablet or phone turning sideways. On a phone the shared story comes first and who is
          on the case last; on a wide screen stage and people sit in the left column. */}
      <div className="sl-case-layout">
        <div className="sl-case-stage">{stage}</div>
        <div className="sl-case-main">
          {summary}
          {notes}
          {details}
          {script}
          {packet}
          {requests}
          {ownTimeline}
          {providers}
          {insurance}
          {appointments}
          {opinions}
          {comments}
        </div>
        <div className="sl-case-people">
          {people}
          {activity}
        </div>
      </div>
    </Stack>
  );
}
