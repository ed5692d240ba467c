// Client operation documents. The web imports these; the server never does (they pull in urql).
// Each document is written once, in its area's file beside this one; `npm run codegen` makes
// generated.ts from them and schema.gql: the result and variable types of every operation
// and the document re-exported under its own name, typed with them. shapes.ts names the
// parts of those results that components pass around.
export * from './generated';
export * from './shapes';
