/**
 * Run by run.mjs (under tsx) before a pass: migrates the database the pass uses, once.
 *
 *   prepare.ts pglite <file>   builds a migrated in-memory PGlite and dumps it (uncompressed) to <file>
 *   prepare.ts postgres <url>  applies the migrations to the (freshly created) database at <url>
 */
import { writeFile } from 'node:fs/promises';
import { createDatabase } from '../../db/database.ts';

const [mode, target] = process.argv.slice(2);
if (!target || (mode !== 'pglite' && mode !== 'postgres')) {
  console.error('usage: prepare.ts pglite <out-file> | prepare.ts postgres <url>');
  process.exit(2);
}

const database = await createDatabase(mode === 'pglite' ? {} : { url: target, poolSize: 1 });
try {
  await database.migrate();
  if (mode === 'pglite') {
    // 'none': a plain tar loads faster than a gzipped one, and the file is only ever local.
    const dump = await database.pglite!.dumpDataDir('none');
    await writeFile(target, Buffer.from(await dump.arrayBuffer()));
  }
} finally {
  await database.close();
}
