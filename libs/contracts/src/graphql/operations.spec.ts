import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, validate, type DocumentNode, type SelectionSetNode } from 'graphql';
import * as operations from './index';

// The API generates schema.gql from its code; every document the web sends must stay valid
// against it, so a renamed field or argument fails here rather than in a patient's browser.
const schema = buildSchema(readFileSync(join(__dirname, '..', 'schema.gql'), 'utf8'));
const documents = Object.entries(operations).filter(
  (entry): entry is [string, DocumentNode] => typeof entry[1] === 'object' && entry[1] !== null && (entry[1] as { kind?: string }).kind === 'Document',
);

// The API rejects documents nested deeper than 8 (graphql-armor max-depth); keep headroom.
const MAX_DEPTH = 6;
function depth(set: SelectionSetNode | undefined): number {
  if (!set) return 0;
  return 1 + Math.max(0, ...set.selections.map((s) => ('selectionSet' in s ? depth(s.selectionSet) : 0)));
}

describe('client operation documents', () => {
  it('exist', () => {
    expect(documents.length).toBeGreaterThan(15);
  });

  it.each(documents)('%s is valid against schema.gql', (_name, doc) => {
    expect(validate(schema, doc).map((e) => e.message)).toEqual([]);
  });

  it.each(documents)('%s stays well inside the API depth limit', (_name, doc) => {
    for (const def of doc.definitions) {
      if (def.kind === 'OperationDefinition') expect(depth(def.selectionSet)).toBeLessThanOrEqual(MAX_DEPTH);
    }
  });
});
