// axe-core's browser script: importing it registers `window.axe` (see axe.ts); it exports nothing.
declare module 'axe-core/axe.min.js';
