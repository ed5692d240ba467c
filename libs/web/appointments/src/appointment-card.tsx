import { Anchor, Badge, Box, Button, Chip, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { AppointmentMode, VisitFeeling, VisitFeelingSummary } from '@second-look/domain';
import { AutoTextarea, DraftConflict, ErrorAlert, errorCode, useVersionedDraft, formatWhen } from '@second-look/web-ui';
import { RecordAppointmentAnswerMutation, RecordVisitFeelingsMutation, type Appointment, type CaseQuestion } from '@second-look/contracts/graphql';
import { badgeText, PACKET_STATE_COLOR, questionText } from './labels';
import { CancelAppointment } from './cancel-appointment';
import { MoveAppointment } from './move-appointment';
import { VisitPacketLink } from './visit-packet-link';
import { AddToCalendarLink } from '@second-look/web-exports';
import { addAreaStrings, appointmentsWords, enumsWords } from '@second-look/web-i18n';

addAreaStrings(appointmentsWords, enumsWords);

const SUMMARY_COLOR: Record<VisitFeelingSummary, string> = {
  [VisitFeelingSummary.NOT_RECORDED]: 'gray',
  [VisitFeelingSummary.WENT_WELL]: 'teal',
  [VisitFeelingSummary.MIXED]: 'yellow',
  [VisitFeelingSummary.WENT_BADLY]: 'orange',
};

function AnswerItem(props: { appointment: Appointment; q: CaseQuestion; index: number; canEdit: boolean }) {
  const { t } = useTranslation();
  const { q, appointment } = props;
  const answer = appointment.answers.find((a) => a.questionId === q.id) ?? null;
  const [editing, setEditing] = useState(false);
  const [result, save] = useMutation(RecordAppointmentAnswerMutation);
  // Saved against the answer's version when the form opened: someone else's answer arriving
  // live meanwhile shows as a conflict instead of being overwritten.
  const form = useVersionedDraft({
    live: { answer: answer?.answer ?? '' },
    liveVersion: answer?.version ?? null,
    // Version 0 is the API's "no answer now" (someone cleared it): saved as a new answer.
    send: (d, expectedVersion) => save({ appointmentId: appointment.id, questionId: q.id, answer: d.answer, expectedVersion: expectedVersion || null }),
    savedVersion: (data) => data.recordAppointmentAnswer.answers.find((a) => a.questionId === q.id)?.version ?? null,
  });
  const text = form.draft.answer;
  const question = questionText(t, q);
  const short = question.length > 60 ? `${question.slice(0, 57)}…` : question;
  const done = async (saving: () => Promise<unknown>) => {
    if (await saving()) setEditing(false);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void done(form.save);
  };
  return (
    <Box component="li" p="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <Stack gap={4}>
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {props.index + 1}. {question}
        </Text>
        {editing ? (
          <form onSubmit={submit} noValidate>
            <Stack gap="xs">
              <AutoTextarea
                label={t('appointments.answers.field', { question: short })}
                value={text}
                onChange={(e) => form.set('answer', e.currentTarget.value)}
                minRows={2}
                maxLength={10000}
                data-autofocus
              />
              <DraftConflict
                form={form}
                fields={(mine, theirs) => [{ label: t('appointments.answers.field', { question: short }), mine: mine.answer.trim(), theirs: theirs.answer }]}
                busy={result.fetching}
                onSave={done}
                onClose={() => setEditing(false)}
              />
              {errorCode(result.error) !== 'STALE_VERSION' ? <ErrorAlert error={result.error} /> : null}
              <Group gap="xs">
                <Button type="submit" size="sm" loading={result.fetching}>
                  {t('appointments.answers.save')}
                </Button>
                <Button size="sm" variant="subtle" onClick={() => setEditing(false)}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <>
            <Text size="sm" c={answer ? undefined : 'dimmed'} className="sl-pre-wrap" style={{ overflowWrap: 'anywhere' }}>
              {answer ? answer.answer : t('appointments.answers.none')}
            </Text>
            {props.canEdit ? (
              <Group>
                <Button
                  size="sm"
                  variant="default"
                  onClick={() => {
                    form.reset();
                    setEditing(true);
                  }}
                  aria-label={t('appointments.answers.writeLabel', { question: short })}
                >
                  {answer ? t('appointments.answers.editAnswer') : t('appointments.answers.write')}
                </Button>
              </Group>
            ) : null}
          </>
        )}
      </Stack>
    </Box>
  );
}

/**
 * How the visit felt is written down once it has started, and never for a cancelled visit (the
 * API refuses both); `started` comes from the server's clock, so the form and the rule agree.
 */
function feelingsWaitReason(a: Appointment): 'cancelled' | 'notYet' | null {
  if (a.cancelledAt) return 'cancelled';
  return a.started ? null : 'notYet';
}

function FeelingsForm({ appointment, canEdit }: { appointment: Appointment; canEdit: boolean }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const [result, save] = useMutation(RecordVisitFeelingsMutation);
  // Always open: saved against the version the form's values came from, so feelings someone
  // else saved meanwhile show as a conflict instead of being overwritten.
  const form = useVersionedDraft({
    live: { feelings: appointment.feelings as string[], worries: appointment.worries },
    liveVersion: appointment.version,
    send: (d, expectedVersion) => save({ appointmentId: appointment.id, expectedVersion: expectedVersion ?? 0, feelings: d.feelings as VisitFeeling[], worries: d.worries }),
    savedVersion: (data) => data.recordVisitFeelings.version,
  });
  const { feelings, worries } = form.draft;
  const feelingWords = (v: string[]) => v.map((f) => t(`appointments.feelings.feeling.${f}`)).join(' · ');
  const run = async (saving: () => Promise<unknown>) => {
    setSaved(false);
    if (await saving()) setSaved(true);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(form.save);
  };
  const summary = appointment.feelingSummary;
  const wait = feelingsWaitReason(appointment);
  return (
    <Stack gap="xs" component="section" aria-labelledby={`feelings-${appointment.id}`}>
      <Group gap="sm" align="center">
        <Title order={4} size="h5" id={`feelings-${appointment.id}`}>
          {t('appointments.feelings.heading')}
        </Title>
        <Badge color={SUMMARY_COLOR[summary]} variant="light" c={summary === VisitFeelingSummary.NOT_RECORDED ? 'gray.8' : badgeText(SUMMARY_COLOR[summary])}>
          {t(`appointments.feelings.summary.${summary}`)}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {t('appointments.feelings.intro')}
      </Text>
      {canEdit && wait && !appointment.feelings.length && !appointment.worries ? (
        <Text size="sm" fw={500}>
          {t(`appointments.feelings.timing.${wait}`)}
        </Text>
      ) : canEdit && !wait ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Box component="fieldset" m={0} p={0} style={{ border: 0 }}>
              <Text component="legend" size="sm" fw={500} mb={6}>
                {t('appointments.feelings.legend')}
              </Text>
              <Chip.Group multiple value={feelings} onChange={(v) => form.set('feelings', v)}>
                <Group gap="xs">
                  {Object.values(VisitFeeling).map((f) => (
                    <Chip key={f} value={f} size="md">
                      {t(`appointments.feelings.feeling.${f}`)}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            </Box>
            <AutoTextarea
              label={t('appointments.feelings.worries')}
              description={t('appointments.feelings.worriesHelp')}
              value={worries}
              onChange={(e) => form.set('worries', e.currentTarget.value)}
              minRows={2}
              maxLength={10000}
            />
            <DraftConflict
              form={form}
              fields={(mine, theirs) => [
                { label: t('appointments.feelings.legend'), mine: feelingWords(mine.feelings), theirs: feelingWords(theirs.feelings) },
                { label: t('appointments.feelings.worries'), mine: mine.worries.trim(), theirs: theirs.worries },
              ]}
              busy={result.fetching}
              onSave={run}
            />
            {errorCode(result.error) !== 'STALE_VERSION' ? <ErrorAlert error={result.error} /> : null}
            <Group>
              <Button type="submit" loading={result.fetching}>
                {t('appointments.feelings.save')}
              </Button>
            </Group>
            {saved ? (
              <Text role="status" size="sm" c="teal.9">
                {t('appointments.feelings.saved')}
              </Text>
            ) : null}
          </Stack>
        </form>
      ) : (
        <Stack gap={4}>
          {appointment.feelings.length ? <Text size="sm">{appointment.feelings.map((f) => t(`appointments.feelings.feeling.${f}`)).join(' · ')}</Text> : null}
          {appointment.worries ? <Text size="sm">{t('appointments.feelings.worriesLabel', { worries: appointment.worries })}</Text> : null}
        </Stack>
      )}
    </Stack>
  );
}

/** One booked visit: when and where, what to bring, the answers, and how it felt. */
export function AppointmentCard(props: { caseId: string; appointment: Appointment; questions: CaseQuestion[]; canEdit: boolean; staff: boolean; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const { appointment: a } = props;
  const headingId = `appointment-${a.id}`;
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={3} size="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
            {t('appointments.card.title', { provider: a.providerName })}
          </Title>
          <Group gap="xs">
            <Badge variant="light">{t(`appointments.mode.${a.mode}`)}</Badge>
            {a.cancelledAt ? (
              <Badge variant="light" color="red" c="#8a1c1c">
                {t('appointments.cancel.badge')}
              </Badge>
            ) : null}
            {a.candidateId ? (
              <Badge variant="light" color="teal" c="#066649">
                {t('appointments.card.linkedCandidate')}
              </Badge>
            ) : null}
          </Group>
        </Stack>
        <Group gap="md" align="baseline">
          <Text fw={600}>{t('appointments.card.when', { when: formatWhen(a.startsAt, i18n.language, props.timeZone) })}</Text>
          {/* A canceled visit too: importing it again removes it from the calendar (STATUS:CANCELLED). */}
          <AddToCalendarLink appointmentId={a.id} provider={a.providerName} />
        </Group>
        {!a.cancelledAt ? (
          <Group>
            <VisitPacketLink caseId={props.caseId} appointmentId={a.id} provider={a.providerName} />
          </Group>
        ) : null}
        {props.canEdit && !a.cancelledAt ? (
          <Group gap="xs" align="flex-start">
            <MoveAppointment appointment={a} timeZone={props.timeZone} />
            <CancelAppointment appointment={a} />
          </Group>
        ) : null}
        {a.place ? <Text style={{ overflowWrap: 'anywhere' }}>{t('appointments.card.where', { place: a.place })}</Text> : null}
        {a.mode === AppointmentMode.VIDEO && a.videoLink ? (
          <Anchor href={a.videoLink} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
            {t('appointments.card.joinVideo')}
          </Anchor>
        ) : null}
        <Stack gap={4} component="section" aria-labelledby={`bring-${a.id}`}>
          <Title order={4} size="h5" id={`bring-${a.id}`}>
            {t('appointments.card.bring')}
          </Title>
          <Text size="sm">{a.whatToBring.length ? t('appointments.card.bringIntro') : t('appointments.card.bringEmpty')}</Text>
          {a.whatToBring.length ? (
            <Stack component="ul" gap={4} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {a.whatToBring.map((p) => (
                <Group component="li" key={p.id} gap="xs" wrap="nowrap" justify="space-between" align="flex-start" py={2} style={{ borderBottom: '1px dashed var(--mantine-color-gray-3)' }}>
                  <Text size="sm" style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
                    {p.title ? `${t(`enums.packetKind.${p.kind}`)}: ${p.title}` : t(`enums.packetKind.${p.kind}`)}
                  </Text>
                  <Badge size="sm" variant="light" color={PACKET_STATE_COLOR[p.state]} c={badgeText(PACKET_STATE_COLOR[p.state])} style={{ flexShrink: 0 }}>
                    {t(`enums.packetState.${p.state}`)}
                  </Badge>
                </Group>
              ))}
            </Stack>
          ) : null}
          {a.bringNotes ? <Text size="sm">{t('appointments.card.bringNotes', { notes: a.bringNotes })}</Text> : null}
        </Stack>
        {props.staff && a.staffNotes ? (
          <Paper p="xs" radius="sm" className="sl-internal">
            <Badge color="grape" variant="filled" size="sm" mb={4}>
              {t('appointments.card.staffBadge')}
            </Badge>
            <Text size="sm" className="sl-pre-wrap">
              {a.staffNotes}
            </Text>
          </Paper>
        ) : null}
        <Stack gap={4} component="section" aria-labelledby={`answers-${a.id}`}>
          <Title order={4} size="h5" id={`answers-${a.id}`}>
            {t('appointments.answers.heading')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('appointments.answers.intro')}
          </Text>
          <Stack component="ol" gap={0} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {props.questions.map((q, i) => (
              <AnswerItem key={q.id} appointment={a} q={q} index={i} canEdit={props.canEdit} />
            ))}
          </Stack>
        </Stack>
        <FeelingsForm key={a.id} appointment={a} canEdit={props.canEdit} />
      </Stack>
    </Paper>
  );
}
