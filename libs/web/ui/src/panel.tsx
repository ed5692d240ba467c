import { Group, Paper, Stack, Text, Title, type MantineSpacing, type StyleProp } from '@mantine/core';
import type { ReactNode } from 'react';

export interface PanelProps {
  /** The heading's id: the section is named by it (`aria-labelledby`), so screen readers list it as a region. */
  headingId: string;
  title: ReactNode;
  /** The heading's look; it is always an h2 on the page. h4 for a small panel beside bigger ones. */
  titleSize?: 'h3' | 'h4';
  /** One line under the heading, in gray: what the panel is for. */
  intro?: ReactNode;
  /** Beside the heading, at the far end (a button, a count, a badge). */
  action?: ReactNode;
  /** Space between the heading and each child. */
  gap?: MantineSpacing;
  padding?: StyleProp<MantineSpacing>;
  /** An anchor to scroll to (`#tasks`). */
  id?: string;
  bg?: string;
  children?: ReactNode;
}

/**
 * One part of a page: a bordered section named by its h2, with an optional intro and an action
 * beside the heading. The case page, the settings pages and the dashboard are made of these.
 */
export function Panel({ headingId, title, titleSize = 'h3', intro, action, gap = 'sm', padding = 'md', id, bg, children }: PanelProps) {
  const heading = (
    <Title order={2} size={titleSize} id={headingId}>
      {title}
    </Title>
  );
  const top = action ? (
    <Group justify="space-between" gap="xs">
      {heading}
      {action}
    </Group>
  ) : (
    heading
  );
  return (
    <Paper withBorder p={padding} radius="md" component="section" aria-labelledby={headingId} id={id} bg={bg}>
      <Stack gap={gap}>
        {intro ? (
          <Stack gap={4}>
            {top}
            <Text size="sm" c="dimmed">
              {intro}
            </Text>
          </Stack>
        ) : (
          top
        )}
        {children}
      </Stack>
    </Paper>
  );
}
