import { FieldNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, parse } from 'graphql';
import { selectedFieldNames } from './selection';

function infoFor(query: string) {
  const doc = parse(query);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = Object.fromEntries(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  return { fieldNodes: [op.selectionSet.selections[0] as FieldNode], fragments };
}

describe('selectedFieldNames', () => {
  it('lists the fields at a path, with aliases read as the field they name', () => {
    const info = infoFor('{ board { requests { nodes { id text: letter } } } }');
    expect([...selectedFieldNames(info, ['requests', 'nodes'])].sort()).toEqual(['id', 'letter']);
    expect([...selectedFieldNames(info)]).toEqual(['requests']);
  });

  it('looks through inline and named fragments, at any level', () => {
    const info = infoFor('query { board { requests { ...Page } } } fragment Page on Conn { nodes { id ... on R { followUps } ...More } } fragment More on R { letter }');
    expect([...selectedFieldNames(info, ['requests', 'nodes'])].sort()).toEqual(['followUps', 'id', 'letter']);
  });

  it('counts a field under @skip or @include as selected (reading too much is the safe side)', () => {
    const info = infoFor('query($no: Boolean!) { board { requests { nodes { id letter @include(if: $no) } } } }');
    expect(selectedFieldNames(info, ['requests', 'nodes']).has('letter')).toBe(true);
  });

  it('is empty for a path that is not selected', () => {
    expect(selectedFieldNames(infoFor('{ board { requests { nodes { id } } } }'), ['counts']).size).toBe(0);
  });
});
