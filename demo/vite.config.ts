/**
 * Builds the demo page into dist/demo, which the BFF serves at `/` (same origin as the API).
 * `npm run build` = `vite build --config demo/vite.config.ts`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative asset URLs, so the page also works when the BFF is mounted under a path.
  base: './',
  build: {
    outDir: fileURLToPath(new URL('../dist/demo', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // One chunk, loaded by a module script: the modulepreload polyfill would be dead weight.
    modulePreload: { polyfill: false },
    // `build.minify` alone keeps whitespace in template literals; this minifies fully (TOOLCHAIN.md).
    rolldownOptions: {
      // The demo, and the sign-up page the BFF hosts at /signup.
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        signup: fileURLToPath(new URL('./signup.html', import.meta.url)),
        // The consent page the BFF hosts at /consent (also the demo's customer admin page).
        consent: fileURLToPath(new URL('./consent.html', import.meta.url)),
        // The element reference, made from dist/custom-elements.json at run time.
        elements: fileURLToPath(new URL('./elements.html', import.meta.url)),
      },
      output: { minify: true },
    },
  },
});
