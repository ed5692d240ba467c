// Lets plain `node` run the TypeScript benchmarks straight from source:
//   node --enable-source-maps --require ./bench/register.cjs bench/records-board.bench.ts
// Benchmarks are not tests, so they do not go through Jest; and they should measure the
// code in the working tree, not whatever `npm run build` last left in dist/. This hook
// compiles each .ts file on load with @swc/core using the same options as jest.preset.cjs
// (legacy decorators with metadata, which Nest and TypeORM need), and maps the tsconfig
// path aliases (@second-look/*) to their source files, as Jest's moduleNameMapper does.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..');
const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
/** @type {Map<string, string>} */
const aliases = new Map(Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, path.join(root, target)]));

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const target = aliases.get(request);
  return resolveFilename.call(this, target ?? request, parent, ...rest);
};

const swcOptions = {
  swcrc: false,
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, { ...swcOptions, filename });
  module._compile(code, filename);
};
