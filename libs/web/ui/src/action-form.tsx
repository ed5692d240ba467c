import { Paper, Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

/**
 * A form opened by a button ("New request", "Book an appointment"), drawn where that button is.
 * Focus moves to the form's heading when it opens, so a keyboard or screen-reader user (and a
 * phone, which scrolls there) lands in it; when it closes, focus goes back to the button.
 */
export function ActionForm(props: { headingId: string; title: string; returnFocus: RefObject<HTMLElement | null>; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { returnFocus } = props;
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'nearest' });
    heading.current?.focus();
    // The button is drawn again once the form is gone; focus it on the next frame.
    return () => {
      // Read at cleanup on purpose: the button drawn after the form closes is a new element.
      // eslint-disable-next-line react-hooks/exhaustive-deps
      requestAnimationFrame(() => returnFocus.current?.focus());
    };
  }, [returnFocus]);
  return (
    <Paper p="sm" radius="md" bg="gray.0" component="section" aria-labelledby={props.headingId}>
      <Title order={3} size="h4" id={props.headingId} mb="xs" ref={heading} tabIndex={-1} className="sl-form-heading">
        {props.title}
      </Title>
      {props.children}
    </Paper>
  );
}
