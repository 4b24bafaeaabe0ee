/**
 * The distribution of the elements, built in two passes (`--mode bundle`, `--mode elements`):
 *
 * - `bundle`: dist/partnerkit.js, one ES module with every element of components/index.ts and
 *   Lit inside, no other chunk, so another origin loads it with a single module script.
 * - `elements`: dist/elements/<tag>.js, one entry per element for pages that want only some;
 *   what they share (Lit, the API client, styles) goes to content-hashed dist/elements/chunks/.
 *
 * The demo has its own config (demo/vite.config.ts); `npm run build` runs all three.
 */
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { join } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';
import { componentsDir, distDir, elementModules, indexModule, lazyParts, loadPartModule } from './build/element-modules.ts';

/**
 * The bundle's entry: everything components/index.ts exports, and the parts that the elements
 * load on demand in dist/elements (load-part.ts), imported at once and handed to `bundleParts`;
 * likewise the localization runtime (localize.ts).
 */
const bundleEntry = 'virtual:partnerkit-bundle';
function bundleEntryModule() {
  const parts = lazyParts();
  return [
    `export * from ${JSON.stringify(indexModule)};`,
    `import { bundleParts } from ${JSON.stringify(loadPartModule)};`,
    ...parts.map((part, i) => `import * as part${i} from ${JSON.stringify(part.file)};`),
    `bundleParts({ ${parts.map((part, i) => `${JSON.stringify(part.name)}: part${i}`).join(', ')} });`,
    // The runtime of @lit/localize, which dist/elements loads only for a language other than English.
    `import * as localizeRuntime from ${JSON.stringify(join(componentsDir, 'localize-runtime.ts'))};`,
    `import { bundleLocalizeRuntime } from ${JSON.stringify(join(componentsDir, 'localize.ts'))};`,
    `bundleLocalizeRuntime(localizeRuntime);`,
  ].join('\n');
}

/**
 * What nearly every element's entry imports goes to one shared chunk, `base`: Lit, @lit/task,
 * @lit/context and the bundler's helpers, and the helpers below (rolldown adds what they import:
 * the API client and its context). Every file a page loads costs gzip overhead, and files
 * compress worse apart than together: one chunk instead of a dozen small ones makes the largest
 * entries 1 to 1.5 KB smaller (README, Distribution). Lit used to have a chunk of its own, kept
 * across releases by its hash; that saved a returning page 7 KB once per release but cost every
 * page 0.3 KB on every first visit. `<partner-session>` alone now loads 3 KB of styles and
 * helpers it does not use; a page has it with widgets, which load them anyway. Helpers that only
 * some entries use stay apart, or those entries would load code they never run.
 */
const baseModules = [
  'api/api-element.ts',
  'busy.ts',
  'error-messages.ts',
  'events.ts',
  'focus-after-update.ts',
  'text-field.ts',
  'dates.ts',
  // `msg` and the choice of language; the runtime (localize-runtime.ts) stays a chunk of its own.
  'localize.ts',
  'styles/controls.ts',
  'styles/tokens.ts',
  // What loads parts on demand: the largest entries all do.
  'on-demand.ts',
  'load-part.ts',
].map((file) => join(componentsDir, file));
// @lit/localize's runtime is left to localize-runtime.ts's chunk: only a language other than English needs it.
const localizeRuntimeModule = /[\\/]@lit[\\/]localize[\\/](init[\\/]runtime|internal[\\/](runtime-msg|id-generation|fnv1a64|deferred))\.js$/;
const inBase = (id: string) => (/[\\/]node_modules[\\/]|^\0/.test(id) && !localizeRuntimeModule.test(id)) || baseModules.includes(id);

/**
 * The modules lit-localize generates (components/locales/<locale>.ts) import `str` from
 * @lit/localize's index, which would bring its whole runtime along with every translation; `str`
 * alone is what they use. Also used by build/locale-files.ts.
 */
export const localizeStrOnly = { find: /^@lit\/localize$/, replacement: '@lit/localize/internal/str-tag.js' };

/**
 * `msg(…, { desc: '…' })` notes are for translators: lit-localize's extractor reads them from the
 * source into the XLIFF files, and the runtime never looks at them (only at `id`). The build
 * leaves them out, a few hundred bytes of English in every entry and the bundle.
 */
const stripTranslatorNotes = {
  name: 'partnerkit-strip-translator-notes',
  transform(code: string, id: string) {
    if (!id.startsWith(componentsDir) || !id.endsWith('.ts') || !code.includes('desc:')) return null;
    // Vite hands over the TypeScript already turned into JavaScript, its strings in double quotes.
    const note = String.raw`\bdesc:\s*(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')`;
    // An options argument with nothing but the note goes whole; otherwise only the note, with the
    // comma after it when it comes first (`{ desc, id }`) and else the one before it.
    const stripped = code
      .replace(new RegExp(String.raw`,\s*\{\s*${note}\s*\}`, 'g'), '')
      .replace(new RegExp(String.raw`(\{\s*)${note}\s*,\s*`, 'g'), '$1')
      .replace(new RegExp(String.raw`,?\s*${note}`, 'g'), '');
    return { code: stripped, map: null };
  },
};

// Both passes build the same source the same way; they differ only in entries and output.
function shared(): UserConfig {
  return {
    root: componentsDir,
    // Nothing from a public/ folder belongs in the distribution.
    publicDir: false,
    // Lit's templates and styles as written carry the source's indentation and comments: minify
    // the HTML and CSS inside `html`/`css` literals before the JS minifier sees them. Unquoted
    // attributes (`part=card`, `id=${x}`) and bare boolean attributes parse the same in Lit, and
    // so do end tags HTML lets a page leave out (`</p>` before a `<div>`, `</li>`, `</dd>`): the
    // minifier keeps any that a `${…}` follows, where the parser could not tell.
    plugins: [
      stripTranslatorNotes,
      minifyHtmlLiterals({
        failOnError: true,
        options: { minifyOptions: { removeAttributeQuotes: true, collapseBooleanAttributes: true, removeOptionalTags: true } },
      }),
    ],
    resolve: { alias: [localizeStrOnly] },
    build: {
      target: 'es2022',
      minify: true,
      sourcemap: false,
      // components/build/report-sizes.ts reports gzip sizes, and checks the budget.
      reportCompressedSize: false,
    },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'bundle') {
    const config = shared();
    return {
      ...config,
      plugins: [
        ...(config.plugins ?? []),
        {
          name: 'partnerkit-bundle-entry',
          // Vite hands the entry over as a path under `root`.
          resolveId: (id: string) => (id.endsWith(bundleEntry) ? `\0${bundleEntry}` : null),
          load: (id: string) => (id === `\0${bundleEntry}` ? bundleEntryModule() : null),
        },
      ],
      build: {
        ...config.build,
        outDir: distDir,
        // dist/ also holds the demo, the elements and the manifest: write the one file only.
        emptyOutDir: false,
        lib: { entry: { partnerkit: bundleEntry }, formats: ['es'], fileName: (_format, name) => `${name}.js` },
        // `build.minify` alone keeps whitespace in library builds; `output.minify` minifies fully
        // (TOOLCHAIN.md). No code splitting: one file, one request. No `@__PURE__` marks: every module
        // here defines elements, so a bundler that takes this file whole has nothing to drop.
        rolldownOptions: { output: { minify: true, codeSplitting: false, comments: { annotation: false } } },
      },
    };
  }
  if (mode === 'elements') {
    const config = shared();
    const entries = Object.fromEntries(elementModules().map((element) => [element.tag, element.file]));
    return {
      ...config,
      build: {
        ...config.build,
        outDir: join(distDir, 'elements'),
        emptyOutDir: true,
        lib: { entry: entries, formats: ['es'], fileName: (_format, name) => `${name}.js` },
        rolldownOptions: {
          output: {
            minify: true,
            // Chunk names carry their content hash, so the BFF may let browsers keep them forever.
            chunkFileNames: 'chunks/[name]-[hash].js',
            codeSplitting: { groups: [{ name: 'base', test: inBase }] },
          },
        },
      },
    };
  }
  throw new Error(`components/vite.config.ts: build with --mode bundle or --mode elements, not "${mode}"`);
});
