/**
 * Prints the gzipped size of the one-file bundle and of every per-element entry (alone and with
 * the shared chunks it imports), and fails when dist/partnerkit.js is over its budget or imports
 * anything (it must load with one request from any origin), or when an entry with its chunks is
 * over the entry budget.
 *
 * `node --import tsx components/build/report-sizes.ts`
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { distDir, elementModules, rootDir } from './element-modules.ts';

/**
 * The ceiling for dist/partnerkit.js, gzipped, that fails the build, with every element, Lit,
 * `@lit/task` and `@lit/context`. Issue 15 set 45 KB; `<partner-overview>` (issue 13) took the
 * bundle to 45.9 KB, `<partner-webhooks>` (issue 14) to 50.6 KB, languages (issue 16: the runtime
 * of @lit/localize and some 640 messages through `msg()`) to 55.9 KB, and the customer detail's
 * sections and the webhooks' deliveries as parts (which brought those entries under or away from
 * `entryBudget`) to 56.2 KB, so it is 57 KB until the bundle is brought back under 45 (issue 15 stays open for that). An element
 * or change that would push past it must pay for itself first.
 */
export const bundleBudget = 57 * 1024;

/**
 * The ceiling for one element's entry in dist/elements with every chunk it imports statically
 * (Lit included), gzipped: what a page that uses only this element loads before it shows (issue
 * 15). What an element loads on demand later (load-element.ts, load-part.ts) does not count.
 */
export const entryBudget = 20 * 1024;

// Level 9, as the BFF compresses what it serves (bff/bundle.ts).
const gzipped = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const name = (file: string) => relative(rootDir, file).split('\\').join('/');

/** The relative modules a built ES module imports statically (`import … from"./x.js"`, `import"./x.js"`). */
export function staticImports(code: string): string[] {
  return [...code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)].map((match) => match[1]!);
}

/** Every file a module loads before it runs: itself and its static imports, transitively. */
function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const specifier of staticImports(readFileSync(file, 'utf8'))) closure(join(dirname(file), specifier), seen);
  return seen;
}

function main() {
  const bundle = join(distDir, 'partnerkit.js');
  if (!existsSync(bundle)) {
    console.error(`${name(bundle)} is missing: build it first (npm run build).`);
    process.exit(1);
  }
  const problems: string[] = [];
  const bundleCode = readFileSync(bundle);
  const bundleGzip = gzipped(bundleCode);
  const imports = staticImports(bundleCode.toString('utf8'));
  // A dynamic import of a name the bundler can see (`import("./x.js")`) would make it a chunk; the
  // one of a computed URL that localize.ts makes for dist/locales/<locale>.js is meant to be there.
  if (imports.length > 0 || /\bimport\s*\(\s*["'`]/.test(bundleCode.toString('utf8'))) {
    problems.push(`${name(bundle)} must be one module, but it imports ${imports.join(', ') || 'modules dynamically'}`);
  }
  if (bundleGzip > bundleBudget) {
    problems.push(`${name(bundle)} is ${kb(bundleGzip)} gzipped, over its budget of ${kb(bundleBudget)}`);
  }

  const rows: string[][] = [['file', 'size', 'gzip', '']];
  const verdict = bundleGzip > bundleBudget ? 'OVER BUDGET' : `${kb(bundleBudget - bundleGzip)} under the ${kb(bundleBudget)} budget`;
  rows.push([name(bundle), kb(bundleCode.length), kb(bundleGzip), verdict]);

  const elementsDir = join(distDir, 'elements');
  for (const element of elementModules()) {
    const entry = join(elementsDir, `${element.tag}.js`);
    if (!existsSync(entry)) {
      problems.push(`${name(entry)} is missing`);
      continue;
    }
    const own = readFileSync(entry);
    const loaded = [...closure(entry)].map((file) => readFileSync(file));
    const total = loaded.reduce((sum, code) => sum + gzipped(code), 0);
    const withChunks = `${kb(total)} with its ${loaded.length - 1} shared chunks`;
    rows.push([name(entry), kb(own.length), kb(gzipped(own)), total > entryBudget ? `${withChunks}: OVER BUDGET` : withChunks]);
    if (total > entryBudget) {
      problems.push(`${name(entry)} loads ${kb(total)} gzipped with its ${loaded.length - 1} shared chunks, over the ${kb(entryBudget)} budget of an element's entry`);
    }
  }
  const chunksDir = join(elementsDir, 'chunks');
  for (const file of existsSync(chunksDir) ? readdirSync(chunksDir).sort() : []) {
    const code = readFileSync(join(chunksDir, file));
    rows.push([name(join(chunksDir, file)), kb(code.length), kb(gzipped(code)), 'shared']);
  }

  const localesDir = join(distDir, 'locales');
  for (const file of existsSync(localesDir) ? readdirSync(localesDir).sort() : []) {
    const code = readFileSync(join(localesDir, file));
    rows.push([name(join(localesDir, file)), kb(code.length), kb(gzipped(code)), 'translations, loaded when needed']);
  }

  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  console.log(`\npartnerkit distribution (gzip as served; 1 KB = 1024 bytes; budgets: ${kb(bundleBudget)} for the bundle, ${kb(entryBudget)} for an entry with its chunks)`);
  for (const row of rows) {
    console.log(`  ${row.map((cell, column) => (column === 0 || column === 3 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd()}`);
  }
  if (problems.length > 0) {
    console.error(`\n${problems.map((p) => `FAIL: ${p}`).join('\n')}`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
