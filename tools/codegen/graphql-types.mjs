#!/usr/bin/env node
// Generates the web client's GraphQL types from the schema the API prints
// (libs/contracts/src/schema.gql) and the documents in libs/contracts/src/graphql/*.ts:
//
//   npm run codegen              writes libs/contracts/src/graphql/generated.ts and typed/*.ts
//   npm run codegen -- --check   exits 1 when those files are not what this would write
//
// The documents are evaluated, not scraped: their selections are shared as string constants
// (see libs/contracts/src/graphql/cases.ts), which a static extractor cannot follow. Each
// exported DocumentNode becomes, in generated.ts, result and variable types made by
// GraphQL Code Generator's typescript-operations plugin, and the same document re-exported
// under the same name as a TypedDocumentNode of those types. The web imports only those.
// The typed documents are written one file per area (typed/<area>.ts) and re-exported with
// `export *`, which the bundler sees through: each area's documents then travel with the
// screens that use them instead of all riding in the first screen's chunk (a statement in
// generated.ts reading every area made every area a dependency of whoever imported one).
// A document that is not valid against the schema stops the generation with its errors.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// Loads TypeScript from source with the tsconfig path aliases (the hook the benchmarks use).
require(path.join(root, 'bench', 'register.cjs'));
const { buildSchema, parse, validate, Kind } = require('graphql');
const { codegen } = require('@graphql-codegen/core');
const typescriptOperations = require('@graphql-codegen/typescript-operations');

const DIR = path.join(root, 'libs', 'contracts', 'src', 'graphql');
const OUT = path.join(DIR, 'generated.ts');
const TYPED = path.join(DIR, 'typed');
const SCHEMA = path.join(root, 'libs', 'contracts', 'src', 'schema.gql');
/** Files in DIR that hold no documents. */
const NOT_DOCUMENTS = new Set(['index.ts', 'generated.ts', 'shapes.ts']);

const check = process.argv.includes('--check');
const rel = (file) => path.relative(root, file);

/** Every exported document, by file and export name, in a stable order. */
function loadDocuments() {
  const files = fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !NOT_DOCUMENTS.has(f))
    .sort();
  const found = [];
  for (const file of files) {
    const mod = require(path.join(DIR, file));
    for (const [name, value] of Object.entries(mod).sort(([a], [b]) => a.localeCompare(b))) {
      if (!value || typeof value !== 'object' || value.kind !== Kind.DOCUMENT) continue;
      const operations = value.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
      if (operations.length !== 1 || !operations[0].name) {
        throw new Error(`${file}: ${name} must hold exactly one named operation`);
      }
      const op = operations[0];
      const suffix = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' }[op.operation];
      if (name !== op.name.value + suffix) {
        throw new Error(`${file}: export ${name} holds "${op.operation} ${op.name.value}"; name it ${op.name.value}${suffix}`);
      }
      found.push({ file, module: file.replace(/\.ts$/, ''), name, document: value });
    }
  }
  return found;
}

/** Schema enums whose values the domain already declares as an enum of the same name. */
function domainEnums(schema) {
  const domain = require('@second-look/domain');
  const mapped = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.constructor.name !== 'GraphQLEnumType' || type.name.startsWith('__')) continue;
    const candidate = domain[type.name];
    if (!candidate || typeof candidate !== 'object') continue;
    const ours = new Set(Object.values(candidate));
    if (type.getValues().every((v) => ours.has(v.name))) mapped[type.name] = `@second-look/domain#${type.name}`;
  }
  return mapped;
}

async function generate() {
  const sdl = fs.readFileSync(SCHEMA, 'utf8');
  const schema = buildSchema(sdl);
  const documents = loadDocuments();
  const names = new Set();
  const problems = [];
  for (const d of documents) {
    if (names.has(d.name)) problems.push(`${d.file}: ${d.name} is exported twice`);
    names.add(d.name);
    for (const e of validate(schema, d.document)) problems.push(`${d.file}: ${d.name}: ${e.message}`);
  }
  if (problems.length) {
    throw new Error(`The documents do not match ${rel(SCHEMA)}:\n  ${problems.join('\n  ')}`);
  }

  const types = await codegen({
    schema: parse(sdl),
    schemaAst: schema,
    documents: documents.map((d) => ({ document: d.document, location: path.join(DIR, d.file) })),
    filename: OUT,
    plugins: [{ typescriptOperations: {} }],
    pluginMap: { typescriptOperations },
    config: {
      // Result fields are always present; a nullable one is `T | null`, as the server sends it.
      avoidOptionals: { field: true, object: true, inputValue: false, defaultValue: false },
      maybeValue: 'T | null',
      inputMaybeValue: 'T | null | undefined',
      // `CasesQuery` is the document; its shapes are `CasesQueryData` and `CasesQueryVariables`.
      operationResultSuffix: 'Data',
      scalars: { DateTime: 'string' },
      strictScalars: true,
      enumType: 'string-literal',
      // Server and client share the domain's enums, as the API registers them.
      enumValues: domainEnums(schema),
      useTypeImports: true,
    },
  });

  const modules = [...new Set(documents.map((d) => d.module))];
  // The plugin writes its imports (the domain's enums) among the types; put them on top.
  const typeLines = types.trim().split('\n');
  const isImport = (line) => line.startsWith('import ');
  const lines = [
    '// GENERATED by `npm run codegen` (tools/codegen/graphql-types.mjs) from schema.gql and the',
    '// documents beside this file. Do not edit: change a document or the schema and run it again.',
    ...typeLines.filter(isImport),
    '',
    // `export type`, so a transpiler that sees one file at a time (Vite, SWC) drops it.
    ...typeLines.filter((line) => !isImport(line)).map((line) => line.replace(/^export \{ (\w+) \};$/, 'export type { $1 };')),
    '',
    ...modules.map((m) => `export * from './typed/${m}';`),
    '',
  ];
  const files = new Map([[OUT, lines.join('\n')]]);
  for (const m of modules) {
    const own = documents.filter((d) => d.module === m);
    files.set(
      path.join(TYPED, `${m}.ts`),
      [
        '// GENERATED by `npm run codegen` (tools/codegen/graphql-types.mjs): the documents of',
        `// ../${m}.ts typed with the result and variable types in ../generated.ts. Do not edit.`,
        "import type { TypedDocumentNode } from 'urql';",
        `import type { ${own.flatMap((d) => [`${d.name}Data`, `${d.name}Variables`]).join(', ')} } from '../generated';`,
        `import * as ${camel(m)} from '../${m}';`,
        '',
        ...own.map((d) => `export const ${d.name}: TypedDocumentNode<${d.name}Data, ${d.name}Variables> = ${camel(d.module)}.${d.name};`),
        '',
      ].join('\n'),
    );
  }
  return files;
}

function camel(module) {
  return `${module.replace(/-([a-z])/g, (_, c) => c.toUpperCase())}Documents`;
}

try {
  const files = await generate();
  // A typed file whose area has no documents any more is stale too.
  const stale = fs.existsSync(TYPED)
    ? fs
        .readdirSync(TYPED)
        .map((f) => path.join(TYPED, f))
        .filter((f) => !files.has(f))
    : [];
  const changed = [...files].filter(([file, text]) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '') !== text);
  if (check) {
    if (changed.length || stale.length) {
      console.error(`${[...changed.map(([f]) => f), ...stale].map(rel).join(', ')} not current with ${rel(SCHEMA)} and the documents: run \`npm run codegen\` and commit it.`);
      process.exit(1);
    }
    console.log(`${rel(OUT)} and typed/ are current.`);
  } else {
    fs.mkdirSync(TYPED, { recursive: true });
    for (const [file, text] of changed) fs.writeFileSync(file, text);
    for (const file of stale) fs.rmSync(file);
    console.log(changed.length || stale.length ? `Wrote ${[...changed.map(([f]) => f), ...stale].map(rel).join(', ')}.` : `${rel(OUT)} and typed/ were already current.`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
