/**
 * `npm run bench`: measures the BFF in this process against a database made for the run.
 *
 *   DATABASE_URL       a PostgreSQL server: the run creates `pk_bench_<random>` there, migrates,
 *                      seeds the demo, and drops it at the end; unset: PGlite in a temp folder
 *   BENCH_DURATION     seconds per case (default 30)
 *   BENCH_CONNECTIONS  concurrent autocannon connections (default 100)
 *   BENCH_WARMUP       seconds of unmeasured load before each case (default 3; 0 for none)
 *   BENCH_ONLY         only cases whose name contains this text
 *   DB_POOL_SIZE       postgres.js pool size, as for the server (default 10)
 *
 * It prints figures and never judges them, except to flag a case whose last window is more than
 * 20% below its first: under sustained load the line should stay flat (TOOLCHAIN.md).
 */
import { cpus } from 'node:os';
import { z } from 'zod';
import { seedDemo } from '../../db/seed.ts';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { hashPassword } from '../passwords.ts';
import { openBenchDatabase } from './bench-database.ts';
import { benchCases, type BenchCase, type BenchContext } from './cases.ts';
import { measure, type Measurement } from './measure.ts';

const settingsSchema = z.object({
  BENCH_DURATION: z.coerce.number().int().positive().default(30),
  BENCH_CONNECTIONS: z.coerce.number().int().positive().default(100),
  BENCH_WARMUP: z.coerce.number().int().min(0).default(3),
  BENCH_ONLY: z.string().optional(),
});

/** A case is "falling" when its last window is this much below its first. */
const fallingThreshold = 0.2;

const signInResponseSchema = z.object({ token: z.string() });

function parseSettings() {
  const parsed = settingsSchema.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    throw new Error(`Invalid bench settings:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  const s = parsed.data;
  // First and last windows of 10 s; on a short run, halves, so the two never overlap.
  const windowSeconds = Math.max(1, Math.min(10, Math.floor(s.BENCH_DURATION / 2)));
  return {
    durationSeconds: s.BENCH_DURATION,
    connections: s.BENCH_CONNECTIONS,
    warmupSeconds: s.BENCH_WARMUP,
    only: s.BENCH_ONLY,
    windowSeconds,
  };
}

type Row = { benchCase: BenchCase; measurement: Measurement; label?: string };

function trend(m: Measurement): string {
  if (m.firstWindowRps <= 0) return m.lastWindowRps > 0 ? 'rising' : '—';
  const change = m.lastWindowRps / m.firstWindowRps - 1;
  const percent = `${change >= 0 ? '+' : '−'}${Math.abs(Math.round(change * 100))}%`;
  if (change < -fallingThreshold) return `FALLING ${percent}`;
  return change > fallingThreshold ? `rising ${percent}` : `flat ${percent}`;
}

/**
 * An app case's p99 as a multiple of the reference baseline's, measured at the start of the run
 * and again at its end: on a shared machine the speed drifts over a run, and the two show by how
 * much.
 */
function againstReference(m: Measurement, references: Measurement[]): string {
  return references.map((r) => (r.p99Ms > 0 ? `${(m.p99Ms / r.p99Ms).toFixed(1)}×` : '—')).join(' / ');
}

function formatTable(rows: Row[], windowSeconds: number): string {
  const rps = (n: number) => Math.round(n).toLocaleString('en-US');
  const references = rows.filter((r) => r.benchCase.reference).map((r) => r.measurement);
  const header = ['case', 'kind', 'req/s mean', `req/s first ${windowSeconds} s`, `req/s last ${windowSeconds} s`, 'p99 ms', 'non-2xx', 'errors', 'trend', 'p99 ÷ reference'];
  const body = rows.map(({ benchCase, measurement: m, label }) => [
    label ?? benchCase.name,
    benchCase.baseline ? 'baseline' : 'app',
    rps(m.meanRps),
    rps(m.firstWindowRps),
    rps(m.lastWindowRps),
    String(m.p99Ms),
    String(m.non2xx),
    String(m.errors),
    trend(m),
    benchCase.baseline ? '' : againstReference(m, references),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const numeric = (i: number) => i >= 2 && i <= 7;
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (numeric(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (numeric(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}

async function main() {
  const settings = parseSettings();
  const config = loadConfig();
  // Baselines always run: figures mean something only next to baselines of the same run.
  const cases = benchCases.filter(
    (c) =>
      (c.baseline || !settings.only || c.name.toLowerCase().includes(settings.only.toLowerCase())) &&
      // Several processes need a server they can all reach.
      (!c.serve || config.databaseUrl),
  );
  if (cases.length === 0) throw new Error(`No bench case matches BENCH_ONLY=${settings.only}`);

  const cleanups: (() => Promise<void>)[] = [];
  const cleanUp = async () => {
    for (const step of cleanups.splice(0).reverse()) await step();
  };
  process.once('SIGINT', () => {
    console.error('\nInterrupted: cleaning up…');
    void cleanUp().finally(() => process.exit(130));
  });

  try {
    const bench = await openBenchDatabase({ serverUrl: config.databaseUrl, poolSize: config.dbPoolSize });
    cleanups.push(bench.dispose);
    const { database } = bench;
    await database.migrate();
    await seedDemo(database.db, hashPassword);

    const app = createApp({ db: database.db, config, ping: database.ping });
    const ctx: BenchContext = {
      database,
      databaseUrl: bench.url,
      config,
      app,
      async signIn(email, password) {
        const response = await app.request('/api/sessions', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
        });
        if (response.status !== 201) throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
        return signInResponseSchema.parse(await response.json()).token;
      },
    };

    const driver =
      database.driver === 'postgres'
        ? `postgres.js, pool ${config.dbPoolSize}`
        : 'PGlite (embedded, one query at a time)';
    console.log(
      `partnerkit bench · driver ${driver} · ${settings.connections} connections · ${settings.durationSeconds} s per case ` +
        `(after ${settings.warmupSeconds} s warm-up) · ` +
        `first/last windows ${settings.windowSeconds} s · Node ${process.version} · ${cpus().length} CPUs`,
    );
    console.log(`  database: ${bench.location}; server and app in this process, autocannon in a child process`);
    if (database.driver === 'postgres' && settings.connections > config.dbPoolSize) {
      console.log(
        `  note: up to ${settings.connections} requests in flight share ${config.dbPoolSize} pooled connections, so queries queue ` +
          'inside postgres.js; under sustained load the last-window column should stay near the first.',
      );
    }

    const rows: Row[] = [];
    const run = async (benchCase: BenchCase, label = benchCase.name) => {
      process.stdout.write(`  running: ${label} …`);
      const request = (await benchCase.setup?.(ctx)) ?? { path: '/' };
      const target = benchCase.serve ? await benchCase.serve(ctx) : (benchCase.app?.(ctx) ?? app);
      const measurement = await measure(target, request, { ...settings, connections: benchCase.connections ?? settings.connections });
      rows.push({ benchCase, measurement, label });
      console.log(` ${Math.round(measurement.meanRps).toLocaleString('en-US')} req/s`);
    };
    for (const benchCase of cases) await run(benchCase);
    // The reference once more after the app cases, so drift over the run shows (see againstReference).
    const reference = cases.find((c) => c.reference);
    if (reference && cases.some((c) => !c.baseline)) await run(reference, `${reference.name}, again at the end`);

    console.log(`\n${formatTable(rows, settings.windowSeconds)}\n`);
    console.log(
      `req/s: mean of autocannon's per-second samples, and over the first and last ${settings.windowSeconds} s; ` +
        'p99: 99th-percentile latency; non-2xx: responses with another status; errors: no response ' +
        `(connection errors, timeouts); FALLING: last window more than ${fallingThreshold * 100}% below the first.`,
    );
    const failing = rows.filter((r) => r.measurement.non2xx > 0 || r.measurement.errors > 0);
    if (failing.length) console.log(`warning: some requests failed in: ${failing.map((r) => r.benchCase.name).join('; ')}`);
  } finally {
    await cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `bench: ${error.message}` : error);
  process.exitCode = 1;
});
