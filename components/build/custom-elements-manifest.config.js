/**
 * Configuration of `cem analyze` (@custom-elements-manifest/analyzer), which writes
 * dist/custom-elements.json from the elements' source and JSDoc (`npm run build:manifest`).
 *
 * The analyzer parses with its own TypeScript 5 (npm nests the one it pins under it): TS 7's
 * package has no compiler API (TOOLCHAIN.md).
 */
export default {
  globs: ['components/**/*.ts'],
  // The build's own code and the shared style sheets describe no element.
  exclude: ['components/build/**', 'components/vite.config.ts', 'components/**/*.styles.ts', 'components/styles/**'],
  outdir: 'dist',
  litelement: true,
  // Left to itself the analyzer rewrites package.json to add a `customElements` field.
  packagejson: false,
  plugins: [tagNamesFromConstants()],
};

/**
 * The elements register with `customElements.define(partnerFooTag, PartnerFoo)` and
 * `export const partnerFooTag = 'partner-foo'`; the analyzer records the constant's name as the
 * tag. Put the string it stands for in the definition exports and on the class instead.
 */
function tagNamesFromConstants() {
  return {
    name: 'partnerkit-tag-names-from-constants',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        const strings = new Map();
        for (const declaration of module.declarations ?? []) {
          const literal = declaration.kind === 'variable' && /^(['"])([a-z][\w-]*-[\w-]*)\1$/.exec(declaration.default ?? '');
          if (literal) strings.set(declaration.name, literal[2]);
        }
        for (const entry of module.exports ?? []) {
          if (entry.kind === 'custom-element-definition' && strings.has(entry.name)) entry.name = strings.get(entry.name);
        }
        for (const declaration of module.declarations ?? []) {
          if (declaration.customElement && strings.has(declaration.tagName)) declaration.tagName = strings.get(declaration.tagName);
        }
      }
    },
  };
}
