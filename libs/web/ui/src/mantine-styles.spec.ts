import fs from 'node:fs';
import path from 'node:path';

/**
 * The web client loads only the stylesheets of the Mantine components it draws (mantine.css,
 * imported by this library's index before our own styles.css). A component used without its
 * stylesheet renders unstyled, and nothing else would notice: this works out, from the web
 * sources' imports of `@mantine/core` and `@mantine/charts`, which stylesheets those components
 * reach through Mantine's own modules (Select reaches Combobox, Popover, Input…), and holds
 * mantine.css to exactly that list, in the order @mantine/core/styles.css has them.
 */
const root = path.resolve(__dirname, '../../../..');
const core = path.join(root, 'node_modules/@mantine/core');
const charts = path.join(root, 'node_modules/@mantine/charts');
const BASE = ['baseline', 'default-css-variables', 'global'];

const sources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sources(file);
    return /\.tsx?$/.test(entry.name) && !/\.(spec|testing)\.tsx?$|\.d\.ts$/.test(entry.name) ? [file] : [];
  });

/** The names a file imports as values from a package (type-only imports draw nothing). */
function importedNames(text: string, pkg: string): string[] {
  const from = new RegExp(`import\\s+(type\\s+)?\\{([^}]*)\\}\\s*from\\s*['"]${pkg.replace('/', '\\/')}['"]`, 'g');
  return [...text.matchAll(from)].flatMap((m) =>
    m[1]
      ? []
      : m[2]
          .split(',')
          .map((name) => name.trim())
          .filter((name) => name && !name.startsWith('type '))
          .map((name) => name.split(/\s+as\s+/)[0].trim()),
  );
}

/** Where a package's ESM index takes each exported name from. */
function exportsOf(pkgDir: string): Map<string, string> {
  const index = path.join(pkgDir, 'esm/index.mjs');
  const where = new Map<string, string>();
  for (const m of fs.readFileSync(index, 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*"(\.[^"]+)"/g)) {
    for (const name of m[1].split(',')) {
      const [own, alias] = name.split(/\s+as\s+/).map((part) => part.trim());
      if (own) where.set(alias ?? own, path.resolve(path.dirname(index), m[2]));
    }
  }
  return where;
}

/** Every module a Mantine module reaches through its relative imports, itself included. */
function reach(start: string): string[] {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/from\s*"(\.[^"]+)"/g)) stack.push(path.resolve(path.dirname(file), m[1]));
  }
  return [...seen];
}

/** The component stylesheets (`Button` for styles/Button.css) a component's modules reach. */
const stylesOf = (modules: string[]): string[] =>
  modules.flatMap((file) => /[\\/]([A-Za-z]+)\.module\.mjs$/.exec(file)?.[1] ?? []).filter((name) => fs.existsSync(path.join(core, 'styles', `${name}.css`)));

describe("the Mantine stylesheets web-ui's index loads", () => {
  const files = [...fs.readdirSync(path.join(root, 'libs/web')).flatMap((lib) => sources(path.join(root, 'libs/web', lib, 'src'))), ...sources(path.join(root, 'apps/web/src'))];
  const coreExports = exportsOf(core);
  const chartExports = exportsOf(charts);

  /** Stylesheet -> the first source file (and component) that needs it. */
  const needed = new Map<string, string>();
  const need = (names: string[], by: string) => {
    for (const name of names) if (!needed.has(name)) needed.set(name, by);
  };
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const rel = path.relative(root, file);
    for (const name of importedNames(text, '@mantine/core')) {
      const module = coreExports.get(name);
      if (!module) throw new Error(`${rel} imports ${name} from @mantine/core, which its ESM index does not export`);
      need(stylesOf(reach(module)), `${name} in ${rel}`);
    }
    // A chart draws core components too (BarChart's legend: ColorSwatch); @mantine/charts's own
    // stylesheet is imported by the page that draws the chart.
    for (const name of importedNames(text, '@mantine/charts')) {
      const module = chartExports.get(name);
      if (!module) throw new Error(`${rel} imports ${name} from @mantine/charts, which its ESM index does not export`);
      for (const chartModule of reach(module)) {
        for (const coreName of importedNames(fs.readFileSync(chartModule, 'utf8'), '@mantine/core')) {
          const coreModule = coreExports.get(coreName);
          if (coreModule) need(stylesOf(reach(coreModule)), `${coreName} (through ${name}) in ${rel}`);
        }
      }
    }
  }

  const sheet = fs.readFileSync(path.join(__dirname, 'mantine.css'), 'utf8');
  const imported = [...sheet.matchAll(/@import\s+'@mantine\/core\/styles\/([A-Za-z-]+)\.css';/g)].map((m) => m[1]);
  const whole = fs.readFileSync(path.join(core, 'styles.css'), 'utf8');
  const position = (name: string) => whole.indexOf(fs.readFileSync(path.join(core, 'styles', `${name}.css`), 'utf8').trim());
  const line = (name: string) => `@import '@mantine/core/styles/${name}.css';`;

  it('finds the components the web client draws', () => {
    // A scan that silently found nothing would pass everything below.
    expect(needed.has('Button')).toBe(true);
    expect(needed.has('Combobox')).toBe(true);
  });

  it('imports the stylesheet of every Mantine component the web sources use', () => {
    const missing = [...needed].filter(([name]) => !imported.includes(name)).map(([name, by]) => `${line(name)}   (for ${by})`);
    expect(missing).toEqual([]);
  });

  it('imports no stylesheet that no component uses', () => {
    expect(imported.filter((name) => !BASE.includes(name) && !needed.has(name))).toEqual([]);
  });

  it("starts with Mantine's base stylesheets and keeps the order of @mantine/core/styles.css", () => {
    expect(imported.slice(0, BASE.length)).toEqual(BASE);
    for (const name of imported) expect([name, position(name) >= 0]).toEqual([name, true]);
    expect(imported).toEqual([...imported].sort((a, b) => position(a) - position(b)));
    expect(new Set(imported).size).toBe(imported.length);
    // Only @import lines (and comments): a rule before an @import would make the build drop the imports after it.
    expect(
      sheet
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/@import[^;]*;/g, '')
        .trim(),
    ).toBe('');
  });

  it("loads Mantine's stylesheets before the app's own", () => {
    const index = fs.readFileSync(path.join(__dirname, 'index.ts'), 'utf8');
    expect(index.indexOf("import './mantine.css';")).toBeGreaterThanOrEqual(0);
    expect(index.indexOf("import './mantine.css';")).toBeLessThan(index.indexOf("import './styles.css';"));
    expect(index).not.toMatch(/@mantine\/core\/styles\.css/);
  });
});
