import { findMentions } from './mentions';

const people = [
  { id: 'maria', displayName: 'Maria Lopez' },
  { id: 'sam1', displayName: 'Sam Patel' },
  { id: 'sam2', displayName: 'Sam Okafor' },
  { id: 'jo', displayName: 'Jo' },
  { id: 'zoe', displayName: 'Zoë Brandt' },
];

describe('findMentions', () => {
  it('finds a full display name, whatever the case', () => {
    expect(findMentions('Thanks @maria lopez, got it', people)).toEqual(['maria']);
  });

  it('accepts a unique first name', () => {
    expect(findMentions('@Maria can you call them?', people)).toEqual(['maria']);
  });

  it('does not guess between two people with the same first name', () => {
    expect(findMentions('@Sam please check', people)).toEqual([]);
    expect(findMentions('@Sam Okafor please check', people)).toEqual(['sam2']);
  });

  it('prefers the longest name, and needs the name to end there', () => {
    expect(findMentions('@Maria Lopezz', people)).toEqual(['maria']); // "@Maria" then other text
    expect(findMentions('@Marias', people)).toEqual([]);
    expect(findMentions('@Jo, @Jonas', people)).toEqual(['jo']);
  });

  it('ignores e-mail addresses and a bare @', () => {
    expect(findMentions('write to maria@example.org or @ anyone', people)).toEqual([]);
  });

  it('handles accents, punctuation after the name and line breaks inside it', () => {
    expect(findMentions('(@Zoë) and @Maria\nLopez.', people).sort()).toEqual(['maria', 'zoe']);
  });

  it('reports each person once and never the author', () => {
    expect(findMentions('@Maria @Maria Lopez @Jo', people, 'jo')).toEqual(['maria']);
  });

  it('only knows the candidates it is given (people who can see the comment)', () => {
    expect(findMentions('@Maria', [{ id: 'jo', displayName: 'Jo' }])).toEqual([]);
  });
});
