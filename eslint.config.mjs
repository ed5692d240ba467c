// Lint: typescript-eslint's recommended rules, and Nx module boundaries so the layering and the
// area graph of docs/architecture.md ("The layers", "The module graph") are enforced: the web
// never imports server code, the domain imports nothing of ours, server and web share only the
// domain and the contracts, and an area imports another only where AREAS below allows it.
import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { ensureProjectGraph } from './tools/lint/project-graph.mjs';
import uiStrings from './tools/lint/no-literal-ui-string.mjs';

// The boundary rule checks nothing without Nx's project graph (see tools/lint/project-graph.mjs).
await ensureProjectGraph(import.meta.dirname);

/**
 * Which feature areas each area may import (tags `area:<name>` in each project.json), on each
 * side. Every feature may also import the domain, the contracts and the platform libraries
 * (`type:platform`: server platform, audit and jobs; web ui and i18n). A new arrow is a design
 * decision: add it here and to the graph in docs/architecture.md.
 */
const AREAS = {
  server: {
    identity: [],
    collaboration: ['identity'],
    cases: ['identity', 'collaboration'],
    providers: ['cases', 'collaboration'],
    notes: ['cases', 'collaboration'],
    timeline: ['cases', 'collaboration', 'identity'],
    records: ['cases', 'collaboration', 'identity'],
    appointments: ['cases', 'collaboration', 'identity', 'providers', 'records'],
    insurance: ['appointments', 'cases', 'collaboration', 'identity'],
    opinions: ['appointments', 'cases', 'collaboration', 'insurance', 'providers', 'records'],
    tasks: ['appointments', 'cases', 'collaboration', 'identity', 'insurance', 'records'],
    'visit-packet': ['appointments', 'cases', 'identity', 'insurance', 'opinions', 'providers', 'records'],
    exports: ['appointments', 'cases', 'identity', 'insurance', 'opinions', 'providers', 'records', 'timeline'],
    notifications: ['appointments', 'cases', 'identity', 'insurance', 'opinions', 'records', 'tasks'],
    dashboards: ['identity'],
    search: [],
  },
  web: {
    auth: [],
    admin: ['auth'],
    dashboards: ['auth'],
    exports: ['auth'],
    insurance: ['auth'],
    notes: ['auth'],
    notifications: ['auth'],
    opinions: ['auth'],
    providers: ['auth'],
    records: ['auth'],
    timeline: ['auth'],
    search: [],
    appointments: ['auth', 'exports'],
    collaboration: ['timeline'],
    tasks: ['auth', 'records'],
    // The case page is where every area's panel meets.
    cases: ['appointments', 'auth', 'collaboration', 'exports', 'insurance', 'notes', 'opinions', 'providers', 'records', 'tasks', 'timeline'],
  },
};

const BASE = ['type:domain', 'type:contracts', 'type:platform'];
const areaConstraints = Object.entries(AREAS).flatMap(([side, areas]) =>
  Object.entries(areas).map(([area, allowed]) => ({
    allSourceTags: [`scope:${side}`, `area:${area}`],
    onlyDependOnLibsWithTags: [...BASE, ...allowed.map((a) => `area:${a}`)],
  })),
);

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'tmp/**', '.tmp/**', 'test-results/**', 'playwright-report/**', '.data/**', '**/*.cjs', '**/*.mjs', 'apps/web/vite.config.ts'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            // Roles: the domain, the contracts, platform (shared infrastructure), data (the
            // database library, which lists every area's entities), features (the areas), apps.
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: BASE },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: [...BASE, 'type:feature'] },
            { sourceTag: 'type:data', onlyDependOnLibsWithTags: [...BASE, 'type:feature'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared', 'scope:server'] },
            // Areas: each imports only the areas AREAS lists for it.
            ...areaConstraints,
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/**/*.tsx', 'apps/web/**/*.ts', 'libs/web/**/*.tsx', 'libs/web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Every word a person reads in the web client comes from the locale files (English and
    // Spanish), never a literal in JSX: tools/lint/no-literal-ui-string.mjs.
    files: ['apps/web/**/*.tsx', 'libs/web/**/*.tsx'],
    plugins: { 'ui-strings': uiStrings },
    rules: { 'ui-strings/no-literal-ui-string': 'error' },
  },
  {
    // A text box is an AutoTextarea (libs/web/ui/src/auto-textarea.tsx): Mantine's own autosize,
    // which the theme turns on, measures every textarea in a layout effect on each render
    // (docs/architecture.md, "First screens").
    files: ['apps/web/**/*.tsx', 'libs/web/**/*.tsx'],
    ignores: ['libs/web/ui/src/auto-textarea.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@mantine/core', importNames: ['Textarea'], message: 'Use AutoTextarea from @second-look/web-ui: it sizes itself with CSS where the browser can.' }] },
      ],
    },
  },
  {
    // Tests compose the real apps and start real services from tools/: that reach is their job.
    files: ['apps/*/test/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'tools/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // Domain code stays strict: no `any`.
    files: ['libs/domain/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
);
