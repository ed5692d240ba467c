import { Textarea, type TextareaProps } from '@mantine/core';
import type { CSSProperties } from 'react';

/** Whether the browser sizes a field by its content itself (CSS `field-sizing`). */
const CONTENT_SIZING = typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('field-sizing', 'content');

/** The height of `rows` lines of a Mantine textarea, with its padding and border. */
const rowsHeight = (rows: number) => `calc(${rows} * 1lh + 2 * var(--input-padding-y, 0rem) + 2 * calc(0.0625rem * var(--mantine-scale)))`;

export type AutoTextareaProps = Omit<TextareaProps, 'autosize'>;

/**
 * A Textarea that grows with its text, from `minRows` (3, the theme's) up to `maxRows` lines. Where the browser
 * can (CSS `field-sizing: content`), it does the sizing while laying out the page: Mantine's
 * `autosize` measures every textarea again in a layout effect on each render of its form (a
 * copy of its styles, then three forced layouts), which on the case page's two dozen held the
 * phone's main thread for a long while (docs/architecture.md, "First screens"). Elsewhere it is
 * Mantine's `autosize`, as before.
 */
export function AutoTextarea({ minRows = 3, maxRows, ...props }: AutoTextareaProps) {
  if (!CONTENT_SIZING) return <Textarea {...props} autosize minRows={minRows} maxRows={maxRows} />;
  const sizing = { '--sl-min-height': rowsHeight(minRows), '--sl-max-height': maxRows === undefined ? 'none' : rowsHeight(maxRows) } as CSSProperties;
  // The caller's own input styles (the shared note's font) stay on top of the sizing.
  const own = typeof props.styles === 'object' ? props.styles : {};
  // autosize off explicitly: the theme turns it on for every Textarea (theme.ts).
  return <Textarea {...props} autosize={false} rows={minRows} classNames={{ input: 'sl-auto-textarea' }} styles={{ ...own, input: { ...sizing, ...own.input } }} />;
}
