/** Someone who may be mentioned in a comment (they can see the case, and this comment). */
export interface MentionCandidate {
  readonly id: string;
  readonly displayName: string;
}

const norm = (s: string): string => s.normalize('NFC').toLocaleLowerCase();
/** A name ends where a letter, digit or joining mark would not continue it. */
const continuesName = (ch: string | undefined): boolean => !!ch && /[\p{L}\p{N}_-]/u.test(ch);

/**
 * The people an "@name" in a comment points at. A mention is "@" followed by someone's full
 * display name, or by their first name when no other candidate shares it (so "@Maria" works
 * but "@Sam" does not guess between two Sams). Longest names are tried first, so
 * "@Maria Lopez" is never read as "@Maria" plus text. The author never mentions themselves.
 */
export function findMentions(body: string, candidates: readonly MentionCandidate[], authorId?: string): string[] {
  const others = candidates.filter((c) => c.id !== authorId && c.displayName.trim());
  const firstNameCount = new Map<string, number>();
  for (const c of others) {
    const [firstWord = ''] = c.displayName.trim().split(/\s+/); // split always gives one part at least
    const first = norm(firstWord);
    firstNameCount.set(first, (firstNameCount.get(first) ?? 0) + 1);
  }
  const handles: Array<{ handle: string; id: string }> = [];
  for (const c of others) {
    const full = norm(c.displayName.trim().replace(/\s+/g, ' '));
    handles.push({ handle: full, id: c.id });
    const [first = ''] = full.split(' ');
    if (first !== full && firstNameCount.get(first) === 1) handles.push({ handle: first, id: c.id });
  }
  handles.sort((a, b) => b.handle.length - a.handle.length);

  const text = norm(body).replace(/\s+/g, ' ');
  const found = new Set<string>();
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    // "name@example.org" is an e-mail address, not a mention.
    if (continuesName(text[at - 1])) continue;
    const rest = text.slice(at + 1);
    const hit = handles.find((h) => rest.startsWith(h.handle) && !continuesName(rest[h.handle.length]));
    if (hit) found.add(hit.id);
  }
  return [...found];
}
