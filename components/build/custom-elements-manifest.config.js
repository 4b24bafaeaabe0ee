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
  plugins: [tagNamesFromConstants(), internalStateIsNoAttribute()],
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

/**
 * The elements declare their reactive properties in `static properties` (components/api/api-element.ts
 * says why). The analyzer reads those, but takes `{ state: true }` — internal state, never an
 * attribute — for attributes. Leave them out of the attributes, as `@state()` was, and leave out
 * the `properties` declaration itself (Lit's plumbing, not the element's API).
 */
function internalStateIsNoAttribute() {
  /** `Class.property` of every `{ state: true }`; a mixin's class goes by its function's name. */
  const states = new Set();
  return {
    name: 'partnerkit-internal-state',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) && !ts.isClassExpression(node)) return;
      const mixin = ts.findAncestor(node.parent, (n) => ts.isFunctionDeclaration(n));
      const className = mixin?.name?.getText() ?? node.name?.getText();
      for (const member of node.members) {
        const isStatic = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
        if (!isStatic || member.name?.getText() !== 'properties' || !member.initializer || !ts.isObjectLiteralExpression(member.initializer)) continue;
        for (const property of member.initializer.properties) {
          const options = ts.isPropertyAssignment(property) ? property.initializer : undefined;
          const state = options && ts.isObjectLiteralExpression(options) && options.properties.some((o) => o.name?.getText() === 'state' && o.initializer?.kind === ts.SyntaxKind.TrueKeyword);
          if (state) states.add(`${className}.${property.name.getText()}`);
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const isState = (declaration, item) => states.has(`${item.inheritedFrom?.name ?? declaration.name}.${item.fieldName ?? item.name}`);
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.attributes) declaration.attributes = declaration.attributes.filter((attribute) => !isState(declaration, attribute));
          if (!declaration.members) continue;
          declaration.members = declaration.members.filter((member) => !(member.static && member.name === 'properties'));
          for (const member of declaration.members) if (isState(declaration, member)) delete member.attribute;
        }
      }
    },
  };
}
