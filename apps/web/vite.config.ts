import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { PUBLIC_PATHS } from './src/public-paths';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A Mantine component (its folder under @mantine/core/esm/components) or hook (its file under @mantine/hooks/esm) in `names`. */
const mantine = (id: string, components: string[], hooks: string[]): boolean => {
  const component = /@mantine[\\/]core[\\/]esm[\\/]components[\\/]([^\\/]+)/.exec(id)?.[1];
  if (component) return components.includes(component);
  const hook = /@mantine[\\/]hooks[\\/]esm[\\/]([^\\/.]+)/.exec(id)?.[1];
  return hook ? hooks.includes(hook) : false;
};

/**
 * Mantine's `useId` (every input, select, popover, radio and chip calls it) starts from React's
 * own id and then, in a layout effect after the first render, swaps it for a random one, which
 * draws each of those components a second time before the screen is painted: on the patient's
 * case page, over a thousand components drawn again, in the same task as the first drawing. The
 * swap only served server rendering with React before 18, and this client renders in the
 * browser alone, so the build gives Mantine React's id from the first render on (unique in the
 * page, the same on every render, word characters only). A fixed id passed by the caller still
 * wins. Only the build does this; the dev server's pre-bundled Mantine keeps its own hook.
 */
const mantineReactIds = (): Plugin => ({
  name: 'second-look:mantine-react-ids',
  enforce: 'pre',
  load(id) {
    if (!/@mantine[\\/]hooks[\\/]esm[\\/]use-id[\\/]use-id\.mjs$/.test(id)) return null;
    return [
      "import { useId as useReactId } from 'react';",
      'export function useId(staticId) {',
      "  const id = 'mantine-' + useReactId().replace(/[^\\w-]/g, '');",
      "  return typeof staticId === 'string' ? staticId : id;",
      '}',
    ].join('\n');
  },
});

const SIGN_IN_PAGE = 'libs/web/auth/src/sign-in-page.tsx';

/**
 * Writes route-preloads.json beside index.html: the chunks the sign-in page needs beyond what
 * index.html already preloads, and which addresses are public (src/public-paths.ts). The API adds
 * them to the page it serves at /sign-in, and at any other address but a public one when the
 * request has no session cookie (the app sends that visitor to sign in), as
 * <link rel=modulepreload>: they download with the entry instead of after it has run, one round
 * trip later on a phone's link. The signed-in screens' chunks are left out on purpose
 * (docs/architecture.md, "First screens").
 */
const routePreloads = (): Plugin => ({
  name: 'second-look:route-preloads',
  apply: 'build',
  generateBundle(_options, bundle) {
    const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
    const byFile = new Map(chunks.map((c) => [c.fileName, c]));
    const closure = (fileName: string, files: Set<string>): Set<string> => {
      const chunk = byFile.get(fileName);
      if (!chunk || files.has(fileName)) return files;
      files.add(fileName);
      for (const imported of chunk.imports) closure(imported, files);
      return files;
    };
    const entry = chunks.find((c) => c.isEntry);
    if (!entry) this.error('route preloads: the build has no entry chunk');
    const inIndex = closure(entry.fileName, new Set());
    const page = chunks.find((c) => c.facadeModuleId === `${root}${SIGN_IN_PAGE}`);
    if (!page) this.error(`route preloads: ${SIGN_IN_PAGE} is not a chunk of its own (is it still loaded lazily?)`);
    const signIn = [...closure(page.fileName, new Set())].filter((f) => !inIndex.has(f)).map((f) => `/${f}`);
    const preloads = { signIn, publicPaths: PUBLIC_PATHS.source };
    this.emitFile({ type: 'asset', fileName: 'route-preloads.json', source: `${JSON.stringify(preloads, null, 2)}\n` });
  },
});

/**
 * Shared code in a few large chunks instead of dozens of small ones, each gzipped apart (a small
 * file compresses worse than its part of a large one). Left to itself the bundler cuts a chunk
 * for every set of screens sharing a module, and keeps apart what the entry and a lazy page both
 * import, so every first screen fetched 25 to 60 files. Only what each screen fetching a group
 * draws anyway joins it (tools/web/bundle-budget.mjs weighs the first screens; check every page's
 * weight before and after changing a list); anything else still goes where the bundler puts it, so
 * a name missing from these lists costs a small chunk, not bytes. What a captured module imports
 * (floating-ui under Popover) joins its group with it.
 * - `framework`: what even the sign-in page runs: React, the router, urql with Graphcache,
 *   i18next, Mantine's core and the components and hooks the sign-in page and every other screen
 *   draw. Graphcache's IndexedDB storage stays out: only an own device's offline chunk loads it.
 * - `overlays`: Popover and what it floats on, shared by the shell's menu and every select box
 *   (the signed-out pages have those too, so it is not part of `signed-in`).
 * - `signed-in`: the rest of what the signed-in shell (apps/web/src/signed-in-shell.tsx) draws:
 *   AppShell, Menu, NavLink and their parts. Fetched with the shell, never by a signed-out page.
 * A Modal is in none: `Dialog` (libs/web/ui/src/dialog.tsx) loads it on first opening.
 */
const codeSplitting = {
  groups: [
    {
      name: 'framework',
      priority: 2,
      test: (id: string): boolean =>
        (/node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|urql|@urql[\\/]core|@urql[\\/]exchange-graphcache|wonka|@0no-co[\\/]graphql\.web|i18next|react-i18next|use-sync-external-store|clsx)[\\/]/.test(
          id,
        ) &&
          !/default-storage/.test(id)) ||
        /@mantine[\\/]core[\\/]esm[\\/]core[\\/]/.test(id) ||
        mantine(
          id,
          [
            'ActionIcon',
            'Alert',
            'Anchor',
            'Button',
            'Center',
            'CloseButton',
            'Container',
            'Group',
            'Input',
            'InputBase',
            'TextInput',
            'Loader',
            'Paper',
            'Stack',
            'Text',
            'Title',
            'Transition',
            'UnstyledButton',
          ],
          ['use-did-update', 'use-id', 'use-isomorphic-effect', 'use-media-query', 'use-reduced-motion', 'use-uncontrolled', 'utils'],
        ),
    },
    {
      name: 'overlays',
      priority: 1,
      test: (id: string): boolean => mantine(id, ['Popover', 'Portal'], ['use-debounced-callback', 'use-merged-ref']) || /Checkbox[\\/]CheckIcon/.test(id),
    },
    {
      name: 'signed-in',
      priority: 0,
      test: (id: string): boolean =>
        mantine(
          id,
          ['Accordion', 'AppShell', 'Avatar', 'Burger', 'Collapse', 'FocusTrap', 'Indicator', 'Menu', 'NavLink', 'Overlay', 'VisuallyHidden'],
          ['use-click-outside', 'use-collapse', 'use-disclosure', 'use-focus-return', 'use-focus-trap', 'use-long-press', 'use-window-event'],
        ) || /Radio[\\/]RadioIcon/.test(id),
    },
  ],
};
const lib = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const api = process.env.API_URL ?? 'http://127.0.0.1:3000';

// Aliases mirror tsconfig.base.json "paths" for the libraries the web may import.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [
    react(),
    mantineReactIds(),
    routePreloads(),
    // An installable app whose shell (index.html, scripts, styles) a service worker keeps, so the
    // case saved on an own device opens without a connection. The worker is registered only on an
    // own device (src/offline, loaded lazily); it never caches what the API answers (/graphql,
    // /api, /health): the case itself is in Graphcache's saved copy, cleared on sign-out.
    VitePWA({
      injectRegister: false,
      // A new release waits until every tab of the old one is closed: no reload in the middle of typing.
      registerType: 'prompt',
      manifest: {
        name: 'Second Look',
        short_name: 'Second Look',
        description: 'A shared case workspace for patients and advocates working through a medical second opinion.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1971c2',
        icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg}'],
        // One file: the worker is served like index.html (revalidated on each load) by the API.
        inlineWorkboxRuntime: true,
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/(graphql|api|health)(\/|$)/],
        // The dashboards' chunk (charts) is the largest; the precache takes every chunk.
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  resolve: {
    // Exact matches, so "@second-look/contracts" never swallows "@second-look/contracts/graphql".
    alias: Object.entries({
      '@second-look/domain': 'libs/domain/src/index.ts',
      '@second-look/contracts/graphql': 'libs/contracts/src/graphql/index.ts',
      '@second-look/contracts': 'libs/contracts/src/index.ts',
      '@second-look/web-ui': 'libs/web/ui/src/index.ts',
      '@second-look/web-i18n': 'libs/web/i18n/src/index.ts',
      '@second-look/web-auth': 'libs/web/auth/src/index.ts',
      '@second-look/web-cases': 'libs/web/cases/src/index.ts',
      '@second-look/web-admin': 'libs/web/admin/src/index.ts',
      '@second-look/web-records': 'libs/web/records/src/index.ts',
      '@second-look/web-notifications': 'libs/web/notifications/src/index.ts',
      '@second-look/web-timeline': 'libs/web/timeline/src/index.ts',
      '@second-look/web-appointments': 'libs/web/appointments/src/index.ts',
      '@second-look/web-opinions': 'libs/web/opinions/src/index.ts',
      '@second-look/web-providers': 'libs/web/providers/src/index.ts',
      '@second-look/web-dashboards': 'libs/web/dashboards/src/index.ts',
      '@second-look/web-insurance': 'libs/web/insurance/src/index.ts',
      '@second-look/web-notes': 'libs/web/notes/src/index.ts',
      '@second-look/web-tasks': 'libs/web/tasks/src/index.ts',
      '@second-look/web-search': 'libs/web/search/src/index.ts',
      '@second-look/web-collaboration': 'libs/web/collaboration/src/index.ts',
    }).map(([find, target]) => ({ find: new RegExp(`^${find.replace(/[/-]/g, '\\$&')}$`), replacement: lib(target) })),
  },
  build: {
    outDir: `${root}dist/apps/web`,
    emptyOutDir: true,
    sourcemap: true,
    // tools/web/bundle-budget.mjs reads it to weigh each first screen's chunks.
    manifest: true,
    rolldownOptions: {
      output: { codeSplitting },
      // Our client libraries' modules, the domain's and the contracts', only declare things (no work at import time; their CSS
      // imports are kept as side effects). Saying so lets a page's panels, re-exported by a library
      // index that the urql client also imports for its cache keys, stay in that page's lazy
      // chunk instead of the first screen's (tools/web/bundle-budget.mjs weighs each first screen).
      // web-ui's index is the exception: it imports the app's own stylesheet (styles.css) for its
      // side effect, which a side-effect-free importer would drop. The contracts' job payload
      // schemas (zod) thus stay out of the client, which imports the contracts only for constants.
      treeshake: {
        moduleSideEffects: (id: string) =>
          !/[\\/]libs[\\/](web[\\/][^\\/]+|domain|contracts)[\\/]src[\\/].*\.tsx?$/.test(id) || /\.css$/.test(id) || /[\\/]libs[\\/]web[\\/]ui[\\/]src[\\/]index\.ts$/.test(id),
      },
    },
    chunkSizeWarningLimit: 1200,
  },
  server: {
    host: '127.0.0.1',
    port: 4200,
    fs: { allow: [root] },
    proxy: {
      '/graphql': { target: api, changeOrigin: false, ws: true },
      '/health': { target: api, changeOrigin: false },
      // Packet documents and request letters are plain REST beside /graphql.
      '/api': { target: api, changeOrigin: false },
    },
  },
  preview: { host: '127.0.0.1', port: 4300 },
});
