/**
 * dist/locales/<locale>.js: the translations that the one-file bundle loads from beside itself
 * (components/localize.ts), one self-contained module per language. Built one at a time, so
 * that `str` from @lit/localize (a few bytes) goes into each file instead of a chunk of its own
 * that the BFF would also have to serve. Messages are plain text or `str`, never `html`, so no
 * locale file carries Lit.
 *
 * `node --import tsx components/build/locale-files.ts` (part of `npm run build:bundle`)
 */
import { join } from 'node:path';
import { build } from 'vite';
import { targetLocales } from '../locales/locale-codes.ts';
import { componentsDir, distDir } from './element-modules.ts';
import { localizeStrOnly } from '../vite.config.ts';

for (const locale of targetLocales) {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: componentsDir,
    publicDir: false,
    resolve: { alias: [localizeStrOnly] },
    build: {
      target: 'es2022',
      outDir: join(distDir, 'locales'),
      emptyOutDir: false,
      minify: true,
      reportCompressedSize: false,
      lib: { entry: { [locale]: join(componentsDir, 'locales', `${locale}.ts`) }, formats: ['es'], fileName: (_format, name) => `${name}.js` },
      rolldownOptions: { output: { minify: true, codeSplitting: false } },
    },
  });
}
