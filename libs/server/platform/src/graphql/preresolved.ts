import { GraphQLFieldResolver, GraphQLObjectType, GraphQLSchema } from 'graphql';

const PRERESOLVED = Symbol('preresolved');

type Carrier = { [PRERESOLVED]?: Record<string, unknown> };

/**
 * Hands GraphQL the values of some resolved fields together with their parent: a service that
 * already read a relation or computed a reading for a whole page (the records board does, in
 * one SQL statement) attaches them here, and those fields skip their field resolvers for this
 * object. Resolvers stay in charge of every object that carries nothing, so a list read
 * elsewhere still batches through its loaders. Opt-in per object and per field: a resolver
 * that checks something (a role, a scope) is only skipped where the service that built the
 * object chose to answer that field itself, with the same rules.
 */
export function preresolved<T extends object>(parent: T, fields: Record<string, unknown>): T {
  (parent as Carrier)[PRERESOLVED] = fields;
  return parent;
}

/**
 * Nest's code-first schema gives every plain property (`@Field() name: string`) this reader of
 * `parent[name]` (@nestjs/graphql ObjectTypeDefinitionFactory.createFieldResolver, when no
 * field middleware is set); @ResolveField methods get resolvers of their own.
 */
const isPlainPropertyReader = (resolve: GraphQLFieldResolver<unknown, unknown>) => resolve.name === 'rootFieldResolver';

/**
 * Wraps each field resolver of the schema so it answers from preresolved() values first
 * (GraphQLModule's `transformSchema`). Fields without a resolver of their own (none, or Nest's
 * plain property reader) are untouched: they read the parent's property, which is where a
 * service puts such a value anyway, and a board page has thousands of them.
 */
export function answerPreresolvedFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve || isPlainPropertyReader(resolve)) continue;
      const name = field.name;
      const wrapped: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
        const given = (source as Carrier | null | undefined)?.[PRERESOLVED];
        return given !== undefined && name in given ? given[name] : resolve(source, args, context, info);
      };
      field.resolve = wrapped;
    }
  }
  return schema;
}
