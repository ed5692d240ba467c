import { Badge, Button, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { memo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { AutoTextarea, ErrorAlert, formatDateTime, Panel, useShowMore } from '@second-look/web-ui';
import { AddCommentMutation, type CaseDetail } from '@second-look/contracts/graphql';
import { addAreaStrings, caseWords } from '@second-look/web-i18n';

addAreaStrings(caseWords);

/** One comment; memoized, so typing a new comment does not draw the shown ones again. */
const CommentItem = memo(function CommentItem({ c, timeZone }: { c: CaseDetail['comments'][number]; timeZone: string }) {
  const { t, i18n } = useTranslation();
  return (
    <li>
      <Paper p="sm" radius="sm" className={c.internal ? 'sl-internal' : undefined} bg={c.internal ? undefined : 'gray.0'}>
        <Stack gap={4}>
          <Group gap="xs" justify="space-between">
            <Text size="sm" fw={600}>
              {t('case.commentBy', {
                name: c.author.displayName,
                when: formatDateTime(c.createdAt, i18n.language, timeZone),
              })}
            </Text>
            {c.internal ? (
              <Badge color="grape" variant="filled">
                {t('case.internalBadge')}
              </Badge>
            ) : null}
          </Group>
          <Text className="sl-pre-wrap">{c.body}</Text>
        </Stack>
      </Paper>
    </li>
  );
});

export function CaseCommentsPanel({ item, timeZone }: { item: CaseDetail; timeZone: string }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [result, addComment] = useMutation(AddCommentMutation);
  // A long conversation shows its latest comments; the older ones open on request.
  const { shown, toggle } = useShowMore(item.comments, 10, 'latest');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    const res = await addComment({ input: { caseId: item.id, body: body.trim(), internal } });
    if (res.data?.addComment) {
      setBody('');
      setInternal(false);
    }
  };

  return (
    <Panel headingId="case-comments-heading" title={t('case.commentsHeading')} gap="md">
      {toggle}
      {item.comments.length ? (
        <Stack component="ol" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {shown.map((c) => (
            <CommentItem key={c.id} c={c} timeZone={timeZone} />
          ))}
        </Stack>
      ) : (
        <Text c="dimmed">{t('case.noComments')}</Text>
      )}
      {item.permissions.comment ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <AutoTextarea label={t('case.commentLabel')} value={body} onChange={(e) => setBody(e.currentTarget.value)} minRows={3} />
            {item.permissions.internal ? (
              <Checkbox label={t('case.commentInternal')} description={t('case.commentInternalHelp')} checked={internal} onChange={(e) => setInternal(e.currentTarget.checked)} />
            ) : null}
            <ErrorAlert error={result.error} />
            <Group>
              <Button type="submit" loading={result.fetching} disabled={!body.trim()}>
                {t('case.postComment')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Panel>
  );
}
