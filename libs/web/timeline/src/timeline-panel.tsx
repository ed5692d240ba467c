import { Badge, Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { CasePhase, PhaseStatus, isStaffRole } from '@second-look/domain';
import { useViewer } from '@second-look/web-auth';
import { Dialog, ErrorAlert, Loading, Panel, daysBetween, formatDay } from '@second-look/web-ui';
import { CaseTimelineQuery, type CaseDetail, type CaseTimeline, type TimelinePhase } from '@second-look/contracts/graphql';
import { AdjustTargetForm } from './adjust-target-form';
import { PHASE_STATUS_COLOR, PHASE_STATUS_SYMBOL } from './labels';
import { addAreaStrings, enumsWords, timelineWords } from '@second-look/web-i18n';

addAreaStrings(enumsWords, timelineWords);

/** Phase names in the reader's voice: "Getting your records" for a patient, "Getting the records" for staff. */
function usePhaseName(staff: boolean): (phase: CasePhase) => string {
  const { t } = useTranslation();
  return (phase) => (staff ? t(`enums.casePhase.${phase}`) : t(`timeline.phaseForPatient.${phase}`));
}

/**
 * "about 2 weeks" for a planned length (days when shorter than a week and a half);
 * `start` gives the form that opens a sentence ("About 2 weeks").
 */
function useDuration(): (days: number, start?: boolean) => string {
  const { t } = useTranslation();
  return (days, start = false) => {
    const key = start ? 'timeline.length' : 'timeline.about';
    return days < 10 ? t(`${key}_days`, { count: days }) : t(`${key}_weeks`, { count: Math.round(days / 7) });
  };
}

export function PhaseStatusBadge({ status }: { status: PhaseStatus }) {
  const { t } = useTranslation();
  const color = PHASE_STATUS_COLOR[status];
  return (
    <Badge
      color={color}
      // Teal 9 on the light teal background is just under 4.5:1; a darker teal passes.
      c={status === PhaseStatus.DONE ? '#066649' : undefined}
      variant="light"
      size="md"
      leftSection={<span aria-hidden>{PHASE_STATUS_SYMBOL[status]}</span>}
    >
      {t(`enums.phaseStatus.${status}`)}
    </Badge>
  );
}

function Overview({ timeline, staff, phaseName }: { timeline: CaseTimeline; staff: boolean; phaseName: (p: CasePhase) => string }) {
  const { t, i18n } = useTranslation();
  const duration = useDuration();
  const day = (d: string) => formatDay(d, i18n.language);
  const finished = timeline.currentPhase === null;
  const late = timeline.phases.find((p) => p.phase === timeline.latePhase) ?? null;
  const behind = timeline.daysBehindPlan;
  return (
    <Stack gap={6}>
      <Text fw={700} size="lg">
        {finished ? t('timeline.finishedOn', { date: day(timeline.projectedEndOn) }) : t('timeline.expectedEnd', { date: day(timeline.projectedEndOn) })}
      </Text>
      <Text>
        {behind > 0 ? t('timeline.behindPlan', { count: behind }) : behind < 0 ? t('timeline.aheadOfPlan', { count: -behind }) : t('timeline.asPlanned')}{' '}
        {t('timeline.plannedEnd', { date: day(timeline.targetEndOn) })}
      </Text>
      <Text size="sm" c="dimmed">
        {t('timeline.planSpan', { start: day(timeline.startOn), end: day(timeline.targetEndOn), duration: duration(timeline.totalDays) })}
      </Text>
      {staff && !timeline.withinUsualRange ? <Text size="sm">{t('timeline.outsideUsualRange')}</Text> : null}
      {late ? (
        <Paper p="sm" radius="md" bg="orange.0" withBorder style={{ borderColor: 'var(--mantine-color-orange-3)' }}>
          <Text size="sm">{staff ? t('timeline.lateNotice', { phase: phaseName(late.phase), count: late.daysLate }) : t('timeline.lateNoticePatient', { phase: phaseName(late.phase) })}</Text>
        </Paper>
      ) : null}
    </Stack>
  );
}

function PhaseItem(props: { phase: TimelinePhase; name: string; canAdjust: boolean; onAdjust: () => void }) {
  const { t, i18n } = useTranslation();
  const duration = useDuration();
  const { phase } = props;
  const day = (d: string | null) => formatDay(d, i18n.language);
  const done = phase.status === PhaseStatus.DONE;
  const planned = duration(Math.max(1, daysBetween(phase.startOn, phase.plannedTargetOn)), true);
  const headingId = `timeline-phase-${phase.phase}`;
  return (
    <Box
      component="li"
      aria-labelledby={headingId}
      p="sm"
      style={{
        border: '1px solid var(--mantine-color-gray-3)',
        // A colored edge is decoration only: the badge says the status in words.
        borderInlineStart: `4px solid var(--mantine-color-${PHASE_STATUS_COLOR[phase.status]}-6)`,
        borderRadius: 'var(--mantine-radius-md)',
      }}
    >
      <Stack gap={6}>
        <Stack gap={4} align="flex-start">
          <Title order={3} size="h5" id={headingId} textWrap="wrap">
            {props.name}
          </Title>
          <PhaseStatusBadge status={phase.status} />
        </Stack>
        <Text fw={600}>{done ? t('timeline.rowDone', { duration: planned, date: day(phase.completedOn) }) : t('timeline.rowOpen', { duration: planned, date: day(phase.dueOn) })}</Text>
        {/* The plan's date, when it is not the date just above. */}
        {done && phase.completedOn !== phase.plannedTargetOn ? (
          <Text size="sm" c="dimmed">
            {t('timeline.plannedTarget', { date: day(phase.plannedTargetOn) })}
          </Text>
        ) : !done && phase.dueOn !== phase.plannedTargetOn ? (
          <Text size="sm" c="dimmed">
            {t('timeline.plannedTargetMoved', { date: day(phase.plannedTargetOn) })}
          </Text>
        ) : null}
        {phase.daysLate > 0 ? (
          <Text size="sm" fw={600} c="var(--mantine-color-orange-light-color)">
            {t('timeline.daysLate', { count: phase.daysLate })}
          </Text>
        ) : done ? (
          <Text size="sm" c="dimmed">
            {t('timeline.onTime')}
          </Text>
        ) : null}
        {phase.adjustmentReason ? (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('timeline.adjustedReason', { reason: phase.adjustmentReason })}
          </Text>
        ) : null}
        {props.canAdjust && !done ? (
          <Group>
            <Button variant="default" size="sm" onClick={props.onAdjust} aria-label={t('timeline.adjustFor', { phase: props.name })}>
              {t('timeline.adjust')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Box>
  );
}

/**
 * The case's plan of phases (records, appointment, follow-up) against what happened: a calm
 * overview for the patient, the planned and current targets for staff, who may move a
 * target with a reason everyone can read.
 */
export function CaseTimelinePanel({ item }: { item: CaseDetail }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const staff = isStaffRole(viewer.role);
  const phaseName = usePhaseName(staff);
  const [result, reexecute] = useQuery({ query: CaseTimelineQuery, variables: { id: item.id }, requestPolicy: 'cache-and-network' });
  const [adjusting, setAdjusting] = useState<TimelinePhase | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const timeline = result.data?.case.timeline ?? null;
  const canAdjust = item.permissions.moveStage;

  return (
    <Panel headingId="case-timeline-heading" title={t('timeline.heading')} intro={staff ? t('timeline.intro') : t('timeline.introPatient')} gap="md">
      {!timeline && result.fetching ? <Loading label={t('timeline.loading')} /> : null}
      {!timeline ? <ErrorAlert error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : null}
      {timeline ? (
        <>
          <Overview timeline={timeline} staff={staff} phaseName={phaseName} />
          {message ? (
            <Text role="status" c="teal.9">
              {message}
            </Text>
          ) : null}
          <Box
            component="ol"
            aria-label={t('timeline.steps')}
            m={0}
            p={0}
            style={{ listStyle: 'none', display: 'grid', gap: 'var(--mantine-spacing-sm)', gridTemplateColumns: 'repeat(auto-fit, minmax(15rem, 1fr))' }}
          >
            {timeline.phases.map((p) => (
              <PhaseItem
                key={p.phase}
                phase={p}
                name={phaseName(p.phase)}
                canAdjust={canAdjust}
                onAdjust={() => {
                  setMessage(null);
                  setAdjusting(p);
                }}
              />
            ))}
          </Box>
        </>
      ) : null}
      {/* A dialog renders in a portal: no space in the panel. */}
      <Dialog opened={!!adjusting} onClose={() => setAdjusting(null)} title={adjusting ? t('timeline.adjustTitle', { phase: phaseName(adjusting.phase) }) : ''} centered size="lg">
        {adjusting && timeline ? (
          <AdjustTargetForm
            caseId={item.id}
            phase={adjusting}
            phaseName={phaseName(adjusting.phase)}
            today={timeline.today}
            onDone={(msg) => {
              setAdjusting(null);
              setMessage(msg);
            }}
          />
        ) : null}
      </Dialog>
    </Panel>
  );
}
