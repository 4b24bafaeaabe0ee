/**
 * The elements the distribution ships, read from components/index.ts: every
 * `export * from './<folder>/<file>.ts'` line whose module registers a tag. index.ts stays the
 * one list; the per-element entries, the manifest check and the size report all follow it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const componentsDir = fileURLToPath(new URL('..', import.meta.url));
export const rootDir = join(componentsDir, '..');
export const distDir = join(rootDir, 'dist');
export const indexModule = join(componentsDir, 'index.ts');

export interface ElementModule {
  /** The tag it registers, e.g. `partner-user-list`; also the name of its entry in dist/elements. */
  tag: string;
  /** The class it registers. */
  className: string;
  /** Absolute path of the source file. */
  file: string;
  /** The path from the repository root, as the manifest names modules (`components/…/….ts`). */
  path: string;
}

// `if (!customElements.get(fooTag)) customElements.define(fooTag, Foo);` with
// `export const fooTag = 'partner-foo';` just above, or a string literal in place of the constant.
const definePattern = /customElements\.define\(\s*(?:(\w+)|['"]([a-z][\w-]*-[\w-]*)['"])\s*,\s*(\w+)\s*\)/g;

/** The element modules components/index.ts re-exports, in its order. */
export function elementModules(index = indexModule): ElementModule[] {
  const source = readFileSync(index, 'utf8');
  const elements: ElementModule[] = [];
  for (const [, specifier] of source.matchAll(/^export \* from '(\.[^']+\.ts)';/gm)) {
    const file = join(dirname(index), specifier!);
    const module = readFileSync(file, 'utf8');
    for (const [, constant, literal, className] of module.matchAll(definePattern)) {
      const tag = literal ?? new RegExp(`const ${constant} = ['"]([^'"]+)['"]`).exec(module)?.[1];
      if (!tag) throw new Error(`${relative(rootDir, file)}: cannot read the tag name ${constant} stands for`);
      elements.push({ tag, className: className!, file, path: relative(rootDir, file).split('\\').join('/') });
    }
  }
  return elements;
}

export const loadPartModule = join(componentsDir, 'load-part.ts');

/** The parts components/load-part.ts loads on demand, by name: `case '<name>': return import('<file>')`. */
export function lazyParts(loader = loadPartModule): { name: string; file: string }[] {
  const source = readFileSync(loader, 'utf8');
  return [...source.matchAll(/case '([\w-]+)':\s*return import\('(\.[^']+)'\)/g)].map(([, name, specifier]) => ({ name: name!, file: join(dirname(loader), specifier!) }));
}
