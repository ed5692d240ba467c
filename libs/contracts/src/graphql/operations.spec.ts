import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, validate, type DocumentNode } from 'graphql';
import * as operations from './index';

// The API generates schema.gql from its code; every document the web sends must stay valid
// against it, so a renamed field or argument fails here rather than in a patient's browser.
const schema = buildSchema(readFileSync(join(__dirname, '..', 'schema.gql'), 'utf8'));
const documents = Object.entries(operations).filter(
  (entry): entry is [string, DocumentNode] =>
    typeof entry[1] === 'object' && entry[1] !== null && (entry[1] as { kind?: string }).kind === 'Document',
);

describe('client operation documents', () => {
  it('exist', () => {
    expect(documents.length).toBeGreaterThan(15);
  });

  it.each(documents)('%s is valid against schema.gql', (_name, doc) => {
    expect(validate(schema, doc).map((e) => e.message)).toEqual([]);
  });
});
