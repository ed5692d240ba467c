import { ActionIcon, Badge, Box, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { memo, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { QuestionMove, type Language, type StarterQuestion } from '@second-look/domain';
import { AutoTextarea, DraftConflict, ErrorAlert, errorCode, LanguageChoice, useScreenLanguage, useVersionedDraft } from '@second-look/web-ui';
import {
  AddCaseQuestionMutation,
  AddStarterQuestionsMutation,
  MoveCaseQuestionMutation,
  RemoveCaseQuestionMutation,
  SuggestedQuestionsQuery,
  UpdateCaseQuestionMutation,
  type CaseQuestion,
} from '@second-look/contracts/graphql';
import { questionText } from './labels';
import { addAreaStrings, appointmentsWords } from '@second-look/web-i18n';

addAreaStrings(appointmentsWords);

function EditQuestion({ q, onDone }: { q: CaseQuestion; onDone: () => void }) {
  const { t } = useTranslation();
  const [touched, setTouched] = useState(false);
  const [result, update] = useMutation(UpdateCaseQuestionMutation);
  // Saved against the version this form opened with, not the one live updates bring into `q`
  // meanwhile: a rewording by someone else shows as a conflict instead of being overwritten.
  const form = useVersionedDraft({
    live: { text: questionText(t, q) },
    liveVersion: q.version,
    send: (d, expectedVersion) => update({ id: q.id, expectedVersion: expectedVersion ?? 0, text: d.text.trim() }),
    savedVersion: (data) => data.updateCaseQuestion.version,
    theirs: (current, live) => ({
      theirs: {
        text: typeof current['text'] === 'string' ? questionText(t, { text: current['text'], starter: (current['starter'] as CaseQuestion['starter']) ?? q.starter }) || live.text : live.text,
      },
      complete: typeof current['text'] === 'string',
    }),
  });
  const text = form.draft.text;
  const done = async (saving: () => Promise<unknown>) => {
    if (text.trim() && (await saving())) onDone();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    void done(form.save);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <AutoTextarea
          label={t('appointments.questions.editField')}
          value={text}
          onChange={(e) => form.set('text', e.currentTarget.value)}
          minRows={2}
          maxLength={1000}
          data-autofocus
          error={touched && !text.trim() ? t('appointments.questions.required') : undefined}
        />
        <DraftConflict
          form={form}
          fields={(mine, theirs) => [{ label: t('appointments.questions.editField'), mine: mine.text.trim(), theirs: theirs.text }]}
          busy={result.fetching}
          onSave={done}
          onClose={onDone}
        />
        {errorCode(result.error) !== 'STALE_VERSION' ? <ErrorAlert error={result.error} /> : null}
        <Group gap="xs">
          <Button type="submit" size="sm" loading={result.fetching}>
            {t('common.save')}
          </Button>
          <Button variant="subtle" size="sm" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The words of the suggested questions in the language picked for them, by starter. */
type SuggestionWords = { language: Language; text: ReadonlyMap<StarterQuestion, string> };

/** Memoized: typing in "Your own question" below the list does not draw every question again. */
const QuestionItem = memo(function QuestionItem(props: { q: CaseQuestion; index: number; count: number; canEdit: boolean; suggestions: SuggestionWords | null }) {
  const { t } = useTranslation();
  const { q } = props;
  // A suggested question nobody reworded reads in the language picked for the suggestions.
  const suggested = q.starter && !q.text ? props.suggestions?.text.get(q.starter) : undefined;
  const [editing, setEditing] = useState(false);
  const [moveResult, move] = useMutation(MoveCaseQuestionMutation);
  const [removeResult, remove] = useMutation(RemoveCaseQuestionMutation);
  const text = suggested ?? questionText(t, q);
  const short = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Stack gap={6}>
        <Group gap="sm" align="flex-start" wrap="nowrap">
          <Text fw={700} aria-hidden style={{ minWidth: '1.5rem' }}>
            {props.index + 1}.
          </Text>
          <Box style={{ flex: 1, minWidth: 0 }}>
            {editing ? (
              <EditQuestion q={q} onDone={() => setEditing(false)} />
            ) : (
              <Stack gap={2}>
                <Text style={{ overflowWrap: 'anywhere' }} lang={suggested ? props.suggestions?.language : undefined}>
                  {text}
                </Text>
                {q.starter && !q.text ? (
                  <Badge variant="light" color="gray" size="sm">
                    {t('appointments.questions.suggested')}
                  </Badge>
                ) : null}
              </Stack>
            )}
          </Box>
        </Group>
        {props.canEdit && !editing ? (
          // Buttons, not dragging: they work with a thumb on a phone and with a keyboard.
          <Group gap="xs" justify="flex-end">
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('appointments.questions.moveUpLabel', { question: short })}
              disabled={props.index === 0 || moveResult.fetching}
              onClick={() => move({ id: q.id, direction: QuestionMove.UP })}
            >
              <span aria-hidden>↑</span>
            </ActionIcon>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('appointments.questions.moveDownLabel', { question: short })}
              disabled={props.index === props.count - 1 || moveResult.fetching}
              onClick={() => move({ id: q.id, direction: QuestionMove.DOWN })}
            >
              <span aria-hidden>↓</span>
            </ActionIcon>
            <Button variant="default" size="sm" onClick={() => setEditing(true)} aria-label={t('appointments.questions.editLabel', { question: short })}>
              {t('appointments.questions.edit')}
            </Button>
            <Button
              variant="subtle"
              color="red"
              c="red.9"
              size="sm"
              loading={removeResult.fetching}
              onClick={() => remove({ id: q.id })}
              aria-label={t('appointments.questions.removeLabel', { question: short })}
            >
              {t('appointments.questions.remove')}
            </Button>
          </Group>
        ) : null}
        <ErrorAlert error={moveResult.error ?? removeResult.error} />
      </Stack>
    </Paper>
  );
});

/** The patient's questions for the visit, most important first, reordered with up/down buttons. */
export function QuestionsList({ caseId, questions, canEdit }: { caseId: string; questions: CaseQuestion[]; canEdit: boolean }) {
  const { t } = useTranslation();
  // Suggested questions are asked of the doctor: their words can be in the doctor's language,
  // whatever the language of the screens (the words come from the API, in the one asked for).
  const uiLanguage = useScreenLanguage();
  const [suggestionLanguage, setSuggestionLanguage] = useState<Language | null>(null);
  const hasSuggested = questions.some((q) => q.starter && !q.text);
  const [suggestedWords] = useQuery({ query: SuggestedQuestionsQuery, variables: { language: suggestionLanguage ?? uiLanguage }, pause: !hasSuggested });
  // Kept between renders, so the memoized questions see the same words until they change.
  const words = suggestedWords.data?.suggestedQuestions;
  const wordsLanguage = suggestionLanguage ?? uiLanguage;
  const suggestions = useMemo<SuggestionWords | null>(() => (words ? { language: wordsLanguage, text: new Map(words.map((s) => [s.starter, s.text])) } : null), [words, wordsLanguage]);
  const [text, setText] = useState('');
  const [added, setAdded] = useState(false);
  const [addResult, add] = useMutation(AddCaseQuestionMutation);
  const [starterResult, addStarters] = useMutation(AddStarterQuestionsMutation);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    const res = await add({ caseId, text: text.trim() });
    if (res.data) {
      setText('');
      setAdded(true);
    }
  };
  return (
    <Stack gap="sm" component="section" aria-labelledby="questions-heading">
      <Title order={3} size="h4" id="questions-heading">
        {t('appointments.questions.heading')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('appointments.questions.intro')}
      </Text>
      {hasSuggested ? (
        <Stack gap={4}>
          <LanguageChoice label={t('libraryLanguage.questionsLabel')} help={t('libraryLanguage.questionsHelp')} value={suggestionLanguage ?? uiLanguage} onChange={setSuggestionLanguage} />
          <ErrorAlert error={suggestedWords.error} />
        </Stack>
      ) : null}
      {questions.length ? (
        <Stack component="ol" gap="xs" aria-label={t('appointments.questions.heading')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {questions.map((q, i) => (
            <QuestionItem key={q.id} q={q} index={i} count={questions.length} canEdit={canEdit} suggestions={suggestions} />
          ))}
        </Stack>
      ) : (
        <Text>{t('appointments.questions.empty')}</Text>
      )}
      {canEdit ? (
        <>
          {!questions.some((q) => q.starter) ? (
            <Group>
              <Button variant="light" loading={starterResult.fetching} onClick={() => addStarters({ caseId })}>
                {t('appointments.questions.addStarters')}
              </Button>
            </Group>
          ) : null}
          <form onSubmit={submit} noValidate>
            <Stack gap="xs">
              <TextInput
                label={t('appointments.questions.addLabel')}
                placeholder={t('appointments.questions.addPlaceholder')}
                value={text}
                maxLength={1000}
                onChange={(e) => {
                  setAdded(false);
                  setText(e.currentTarget.value);
                }}
              />
              <Group>
                <Button type="submit" variant="outline" loading={addResult.fetching} disabled={!text.trim()}>
                  + {t('appointments.questions.add')}
                </Button>
              </Group>
              {added ? (
                <Text role="status" size="sm" c="teal.9">
                  {t('appointments.questions.added')}
                </Text>
              ) : null}
              <ErrorAlert error={addResult.error ?? starterResult.error} />
            </Stack>
          </form>
        </>
      ) : null}
    </Stack>
  );
}
