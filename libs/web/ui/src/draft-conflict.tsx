import { ConflictNotice, type ConflictField } from './conflict';

/**
 * What DraftConflict needs of a form: what useVersionedDraft returns has all of it (a form on
 * an older save hook hands the same four things).
 */
export interface ConflictingDraft<T> {
  draft: T;
  /** The other person's values while a save of the draft is refused as stale; null otherwise. */
  theirs: T | null;
  /** Saves the draft over the other person's values, knowingly. */
  keepMine: () => Promise<unknown>;
  /** Drops the draft for the other person's values. */
  takeTheirs: () => void;
}

/**
 * ConflictNotice wired to a form's draft: shown while a save is refused as stale, "Keep mine"
 * saves the way the form's own Save button does, "Use theirs" takes theirs and may close the form.
 */
export function DraftConflict<T>(props: {
  form: ConflictingDraft<T>;
  /** The rows to compare, as the person reads them. */
  fields: (mine: T, theirs: T) => ConflictField[];
  busy?: boolean;
  /** Runs a save as the form's Save button does (e.g. closes the form when it succeeds). Default: just saves. */
  onSave?: (save: () => Promise<unknown>) => unknown;
  /** Closes the form after "Use theirs" (a form that stays open leaves it out). */
  onClose?: () => void;
}) {
  const { form, onSave = (save) => save(), onClose } = props;
  if (form.theirs === null) return null;
  return (
    <ConflictNotice
      fields={props.fields(form.draft, form.theirs)}
      onKeepMine={() => void onSave(form.keepMine)}
      onTakeTheirs={() => {
        form.takeTheirs();
        onClose?.();
      }}
      busy={props.busy}
    />
  );
}
