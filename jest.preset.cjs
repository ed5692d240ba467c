// Shared Jest settings: @swc/jest compiles TypeScript (with decorator metadata for Nest)
// and the tsconfig path aliases are mapped to source, so tests never need a build.
const { compilerOptions } = require('./tsconfig.base.json');
const path = require('path');

// Stylesheets the web libraries import (libs/web/ui/src/index.ts) are nothing to a unit test.
const moduleNameMapper = { '\\.css$': path.join(__dirname, 'tools/test/style-stub.cjs') };
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias.replace('/', '\\/')}$`] = path.join(__dirname, target);
}

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // otplib's default plugins (@scure/base, @noble/hashes) ship as ES modules only: compiled too.
  transformIgnorePatterns: ['/node_modules/(?!(@scure|@noble)/)'],
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
