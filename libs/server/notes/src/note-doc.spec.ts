import { CASE_NOTE_LIMITS, DomainError } from '@second-look/domain';
import * as Y from 'yjs';
import { mergeNoteUpdate, NOTE_TEXT, viewNote } from './note-doc';

/** A client document typing into the note, and the update its edit produced. */
function typed(doc: Y.Doc, edit: (t: Y.Text) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  edit(doc.getText(NOTE_TEXT));
  return Y.encodeStateAsUpdate(doc, before);
}

const code = (fn: () => unknown): { code: string; reason: unknown } => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, reason: e.details?.['reason'] };
    throw e;
  }
  throw new Error('expected a refusal');
};

describe('mergeNoteUpdate', () => {
  it('merges two people typing at once into one text that keeps both', () => {
    const start = mergeNoteUpdate(
      null,
      typed(new Y.Doc(), (t) => t.insert(0, 'Call the clinic')),
    );
    const a = new Y.Doc();
    const b = new Y.Doc();
    Y.applyUpdate(a, start.state);
    Y.applyUpdate(b, start.state);
    const fromA = typed(a, (t) => t.insert(0, 'Maria: '));
    const fromB = typed(b, (t) => t.insert(t.length, ' on Monday'));
    const one = mergeNoteUpdate(start.state, fromA);
    const two = mergeNoteUpdate(one.state, fromB);
    expect(two.text).toBe('Maria: Call the clinic on Monday');
    expect(two.changed).toBe(true);
    // Either order gives the same note.
    expect(mergeNoteUpdate(mergeNoteUpdate(start.state, fromB).state, fromA).text).toBe(two.text);
  });

  it('treats an update it already has as no change', () => {
    const first = mergeNoteUpdate(
      null,
      typed(new Y.Doc(), (t) => t.insert(0, 'hello')),
    );
    const again = mergeNoteUpdate(first.state, Y.encodeStateAsUpdate(new Y.Doc()));
    expect(again.changed).toBe(false);
    expect(again.text).toBe('hello');
  });

  it('counts a deletion as a change', () => {
    const doc = new Y.Doc();
    const first = mergeNoteUpdate(
      null,
      typed(doc, (t) => t.insert(0, 'hello')),
    );
    const del = mergeNoteUpdate(
      first.state,
      typed(doc, (t) => t.delete(0, 1)),
    );
    expect(del).toMatchObject({ changed: true, text: 'ello' });
  });

  it('refuses bytes that are not an update', () => {
    expect(code(() => mergeNoteUpdate(null, Buffer.from('hello world garbage')))).toEqual({ code: 'VALIDATION_FAILED', reason: 'NOT_A_YJS_UPDATE' });
    expect(code(() => mergeNoteUpdate(null, Uint8Array.from([255, 255, 255, 255, 255])))).toEqual({ code: 'VALIDATION_FAILED', reason: 'NOT_A_YJS_UPDATE' });
  });

  it('refuses an update to anything but the note text', () => {
    const doc = new Y.Doc();
    doc.getMap('other').set('x', 1);
    expect(code(() => mergeNoteUpdate(null, Y.encodeStateAsUpdate(doc)))).toEqual({ code: 'VALIDATION_FAILED', reason: 'UNKNOWN_FIELD' });
    const other = new Y.Doc();
    other.getText('title').insert(0, 'x');
    expect(code(() => mergeNoteUpdate(null, Y.encodeStateAsUpdate(other))).reason).toBe('UNKNOWN_FIELD');
  });

  it('refuses embedded objects in the text', () => {
    const doc = new Y.Doc();
    doc.getText(NOTE_TEXT).insertEmbed(0, { image: 'x' });
    expect(code(() => mergeNoteUpdate(null, Y.encodeStateAsUpdate(doc))).reason).toBe('NOT_TEXT');
  });

  it('refuses an update that builds on edits the server never had', () => {
    const doc = new Y.Doc();
    typed(doc, (t) => t.insert(0, 'first part '));
    const second = typed(doc, (t) => t.insert(t.length, 'second part'));
    expect(code(() => mergeNoteUpdate(null, second)).reason).toBe('MISSING_HISTORY');
  });

  it('refuses a note over the length limit', () => {
    const doc = new Y.Doc();
    const update = typed(doc, (t) => t.insert(0, 'x'.repeat(CASE_NOTE_LIMITS.maxTextLength + 1)));
    expect(code(() => mergeNoteUpdate(null, update))).toEqual({ code: 'PAYLOAD_TOO_LARGE', reason: 'TEXT_TOO_LONG' });
  });
});

describe('viewNote', () => {
  it('gives a client only what it lacks', () => {
    const client = new Y.Doc();
    const first = mergeNoteUpdate(
      null,
      typed(client, (t) => t.insert(0, 'hello')),
    );
    const other = new Y.Doc();
    Y.applyUpdate(other, first.state);
    const second = mergeNoteUpdate(
      first.state,
      typed(other, (t) => t.insert(5, ' there')),
    );
    const view = viewNote(second.state, Y.encodeStateVector(client));
    Y.applyUpdate(client, view.diff);
    expect(client.getText(NOTE_TEXT).toString()).toBe('hello there');
    expect(view.text).toBe('hello there');
    expect(view.diff.length).toBeLessThan(second.state.length);
  });

  it('gives the whole note to a client without a state vector, and an empty note for no state', () => {
    expect(viewNote(null, null).text).toBe('');
    const s = mergeNoteUpdate(
      null,
      typed(new Y.Doc(), (t) => t.insert(0, 'abc')),
    ).state;
    const d = new Y.Doc();
    Y.applyUpdate(d, viewNote(s, null).diff);
    expect(d.getText(NOTE_TEXT).toString()).toBe('abc');
  });

  it('refuses a state vector it cannot read', () => {
    expect(code(() => viewNote(null, Buffer.from('garbage!!')))).toEqual({ code: 'VALIDATION_FAILED', reason: 'NOT_A_STATE_VECTOR' });
  });
});
