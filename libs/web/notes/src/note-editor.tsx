import { AutoTextarea } from '@second-look/web-ui';
import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { diffText, mapCaret, type TextDelta } from './text-diff';
import { LOCAL, type NoteSync } from './note-sync';

/**
 * A text box bound to the note's Y.Text. It is left uncontrolled: each input becomes one
 * Yjs splice (so two people's keystrokes merge instead of one box overwriting the other), and
 * when someone else's edit arrives the text is replaced in place with the caret moved past
 * whatever was inserted before it, so nobody loses their place mid-word.
 */
export function NoteEditor(props: { sync: NoteSync; label: string; description?: string; readOnly: boolean; placeholder?: string; testId?: string }) {
  const { sync } = props;
  const ref = useRef<HTMLTextAreaElement>(null);
  const composing = useRef(false);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.value = sync.text.toString();
    const observer = (event: Y.YTextEvent, tr: Y.Transaction) => {
      if (tr.origin === LOCAL) return;
      const focused = document.activeElement === el;
      const start = el.selectionStart;
      const end = el.selectionEnd;
      const delta = event.changes.delta as TextDelta;
      el.value = sync.text.toString();
      if (focused) el.setSelectionRange(mapCaret(start, delta), mapCaret(end, delta));
    };
    sync.text.observe(observer);
    return () => sync.text.unobserve(observer);
  }, [sync]);

  const onInput = () => {
    const el = ref.current;
    // While an input method is composing a word, wait for the finished word.
    if (!el || composing.current) return;
    const change = diffText(sync.text.toString(), el.value, el.selectionEnd);
    if (change) sync.edit(change.index, change.remove, change.insert);
  };

  return (
    <AutoTextarea
      ref={ref}
      label={props.label}
      description={props.description}
      readOnly={props.readOnly}
      placeholder={props.placeholder}
      data-testid={props.testId}
      spellCheck
      styles={{ input: { fontSize: 16, lineHeight: 1.5 } }}
      onInput={onInput}
      onCompositionStart={() => (composing.current = true)}
      onCompositionEnd={() => {
        composing.current = false;
        onInput();
      }}
    />
  );
}
