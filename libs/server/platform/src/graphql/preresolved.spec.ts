import { graphql, GraphQLFieldResolver, GraphQLList, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { answerPreresolvedFields, preresolved } from './preresolved';

describe('answerPreresolvedFields', () => {
  // As Nest's code-first schema builds it: plain properties get a reader named rootFieldResolver.
  const rootFieldResolver: GraphQLFieldResolver<Record<string, unknown>, unknown> = (root) => root['name'];
  const build = () => {
    let loads = 0;
    const Row = new GraphQLObjectType({
      name: 'Row',
      fields: {
        name: { type: GraphQLString, resolve: rootFieldResolver },
        holder: { type: GraphQLString, resolve: () => `loaded ${++loads}` },
      },
    });
    const rows = [preresolved({ name: 'a' }, { holder: 'given' }), { name: 'b' }];
    const schema = answerPreresolvedFields(
      new GraphQLSchema({
        query: new GraphQLObjectType({
          name: 'Query',
          fields: { rows: { type: new GraphQLObjectType({ name: 'Rows', fields: { list: { type: new GraphQLList(Row) } } }), resolve: () => ({ list: rows }) } },
        }),
      }),
    );
    return { schema, Row };
  };

  it('answers a field with a resolver of its own from the preresolved value, else runs the resolver', async () => {
    const { schema } = build();
    const result = await graphql({ schema, source: '{ rows { list { name holder } } }' });
    expect(result).toEqual({
      data: {
        rows: {
          list: [
            { name: 'a', holder: 'given' },
            { name: 'b', holder: 'loaded 1' },
          ],
        },
      },
    });
  });

  it("leaves Nest's plain property readers unwrapped", () => {
    const { Row } = build();
    expect(Row.getFields()['name'].resolve).toBe(rootFieldResolver);
    expect(Row.getFields()['holder'].resolve?.name).toBe('wrapped');
  });
});
