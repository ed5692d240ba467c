#!/usr/bin/env node
// Generates the web client's GraphQL types from the schema the API prints
// (libs/contracts/src/schema.gql) and the documents in libs/contracts/src/graphql/*.ts:
//
//   npm run codegen              writes libs/contracts/src/graphql/generated.ts
//   npm run codegen -- --check   exits 1 when that file is not what this would write
//
// The documents are evaluated, not scraped: their selections are shared as string constants
// (see libs/contracts/src/graphql/cases.ts), which a static extractor cannot follow. Each
// exported DocumentNode becomes, in generated.ts, result and variable types made by
// GraphQL Code Generator's typescript-operations plugin, and the same document re-exported
// under the same name as a TypedDocumentNode of those types. The web imports only those.
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
    "import type { TypedDocumentNode } from 'urql';",
    ...typeLines.filter(isImport),
    ...modules.map((m) => `import * as ${camel(m)} from './${m}';`),
    '',
    // `export type`, so a transpiler that sees one file at a time (Vite, SWC) drops it.
    ...typeLines.filter((line) => !isImport(line)).map((line) => line.replace(/^export \{ (\w+) \};$/, 'export type { $1 };')),
    '',
    ...documents.map(
      (d) =>
        `export const ${d.name}: TypedDocumentNode<${d.name}Data, ${d.name}Variables> = ${camel(d.module)}.${d.name};`,
    ),
    '',
  ];
  return lines.join('\n');
}

function camel(module) {
  return `${module.replace(/-([a-z])/g, (_, c) => c.toUpperCase())}Documents`;
}

try {
  const text = await generate();
  const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
  if (check) {
    if (current !== text) {
      console.error(`${rel(OUT)} is not current with ${rel(SCHEMA)} and the documents: run \`npm run codegen\` and commit it.`);
      process.exit(1);
    }
    console.log(`${rel(OUT)} is current.`);
  } else if (current !== text) {
    fs.writeFileSync(OUT, text);
    console.log(`Wrote ${rel(OUT)}.`);
  } else console.log(`${rel(OUT)} was already current.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
