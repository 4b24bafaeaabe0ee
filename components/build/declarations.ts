/**
 * Writes the type declarations of the elements to dist/types (`tsc -p components/tsconfig.build.json`).
 *
 * Type errors fail the build. Declaration-emit errors (TS4xxx: a type that a .d.ts file cannot
 * spell, such as a mixin's anonymous class with protected members) only warn, naming the files
 * left without declarations: the JavaScript is fine, and one such file should not stop the
 * bundle from shipping. Fix them at the source (give the function an explicit return type).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { componentsDir, distDir, elementModules, rootDir } from './element-modules.ts';

const typesDir = join(distDir, 'types');
rmSync(typesDir, { recursive: true, force: true });

const tsc = join(rootDir, 'node_modules', '.bin', 'tsc');
const result = spawnSync(tsc, ['-p', join(componentsDir, 'tsconfig.build.json'), '--pretty', 'false'], { cwd: rootDir, encoding: 'utf8' });
const lines = `${result.stdout}${result.stderr}`.split('\n').filter((line) => line.trim() !== '');
// `file(line,col): error TS4094: …`; continuation lines belong to the diagnostic above them.
const diagnostics = lines.filter((line) => /\): error TS\d+:/.test(line));
const emitOnly = diagnostics.filter((line) => /: error TS4\d{3}:/.test(line));

if (result.error || diagnostics.length > emitOnly.length || (result.status !== 0 && diagnostics.length === 0)) {
  const hard = lines.filter((line) => !/: error TS4\d{3}:/.test(line));
  console.error(hard.join('\n') || String(result.error));
  console.error('Type declarations: tsc failed.');
  process.exit(1);
}

const declarationOf = (file: string) => join(typesDir, relative(rootDir, file).replace(/\.ts$/, '.d.ts'));
const missing = elementModules().filter((element) => !existsSync(declarationOf(element.file)));
if (emitOnly.length > 0) {
  const files = [...new Set(emitOnly.map((line) => line.slice(0, line.indexOf('('))))];
  const first = emitOnly[0]!.replace(/^.*?: error /, '');
  console.warn(`Type declarations: ${emitOnly.length} declaration-emit errors in ${files.join(', ')} (first: ${first})`);
  if (missing.length > 0) console.warn(`  no declarations for: ${missing.map((element) => element.path).join(', ')}`);
}
console.log(`Type declarations written to ${relative(rootDir, typesDir)}/ (entry: components/index.d.ts).`);
