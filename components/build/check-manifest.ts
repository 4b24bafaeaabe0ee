/**
 * Fails the build when dist/custom-elements.json does not describe every element of
 * components/index.ts, or lost something its JSDoc declares: each `@fires`, `@csspart`,
 * `@cssprop` and `@slot` of the class must appear in the manifest under the same name.
 *
 * `node --import tsx components/build/check-manifest.ts [manifest]`
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distDir, elementModules, type ElementModule } from './element-modules.ts';

interface Named {
  name: string;
}
interface ManifestClass {
  kind: string;
  name: string;
  customElement?: boolean;
  tagName?: string;
  attributes?: Named[];
  members?: Named[];
  events?: Named[];
  slots?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}
interface Manifest {
  modules: { path: string; declarations?: ManifestClass[]; exports?: { kind: string; name: string }[] }[];
}

/** The manifest's key for each JSDoc tag the check follows (with the aliases the analyzer reads). */
const documented = {
  events: ['fires', 'event'],
  cssParts: ['csspart', 'part'],
  cssProperties: ['cssprop', 'cssproperty'],
  slots: ['slot'],
} as const;
type Section = keyof typeof documented;

/** The names a class's JSDoc declares, per manifest section. */
export function jsDocNames(source: string, className: string): Record<Section, string[]> {
  const comment = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*export class ${className}\\b`).exec(source)?.[1] ?? '';
  const names: Record<Section, string[]> = { events: [], cssParts: [], cssProperties: [], slots: [] };
  for (const [, tag, rest] of comment.matchAll(/^\s*\*\s*@(\w+)(.*)$/gm)) {
    const section = (Object.keys(documented) as Section[]).find((key) => (documented[key] as readonly string[]).includes(tag!));
    if (!section) continue;
    // `@fires {Type} name - …`, `@cssprop [--name=default] - …`, `@slot - …` (the default slot).
    const word = rest!.replace(/^\s*\{[^}]*\}/, '').trim().split(/\s+/)[0] ?? '';
    names[section].push(word === '-' || word === '' ? '' : word.replace(/^\[/, '').replace(/[=\]].*$/, ''));
  }
  return names;
}

/** What is wrong with the manifest; empty when it describes every element fully. */
export function manifestProblems(manifest: Manifest, elements: ElementModule[]): string[] {
  const problems: string[] = [];
  for (const element of elements) {
    const module = manifest.modules.find((m) => m.path === element.path);
    const declaration = module?.declarations?.find((d) => d.customElement && d.name === element.className);
    if (!declaration) {
      problems.push(`<${element.tag}>: no custom element ${element.className} in the manifest's module ${element.path}`);
      continue;
    }
    if (declaration.tagName !== element.tag) {
      problems.push(`<${element.tag}>: the manifest names its tag "${declaration.tagName ?? ''}"`);
    }
    if (!module!.exports?.some((e) => e.kind === 'custom-element-definition' && e.name === element.tag)) {
      problems.push(`<${element.tag}>: the manifest has no custom-element-definition for it`);
    }
    const declared = jsDocNames(readFileSync(element.file, 'utf8'), element.className);
    for (const section of Object.keys(declared) as Section[]) {
      const listed = new Set((declaration[section] ?? []).map((item) => item.name));
      const missing = declared[section].filter((name) => !listed.has(name));
      if (missing.length > 0) {
        const names = missing.map((name) => (name === '' ? '(default slot)' : name)).join(', ');
        problems.push(`<${element.tag}>: ${section} in its JSDoc but not in the manifest: ${names}`);
      }
    }
  }
  return problems;
}

function main() {
  const path = process.argv[2] ?? join(distDir, 'custom-elements.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  const elements = elementModules();
  const problems = manifestProblems(manifest, elements);
  if (problems.length > 0) {
    console.error(`custom-elements.json is incomplete:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`custom-elements.json describes all ${elements.length} elements of components/index.ts.`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
