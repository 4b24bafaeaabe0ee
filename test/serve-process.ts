/**
 * `partnerkit serve` as a real process, for tests that need one or several (shutdown, two
 * instances): the test's own database settings, any free port, no demo partner site.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bff/bin.mjs', import.meta.url));

export interface ServeProcess {
  child: ChildProcess;
  url: URL;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

export function startServe(env: Record<string, string>): Promise<ServeProcess> {
  // The test runner's own database variables never reach the server: it gets only `env`'s.
  const { DATABASE_URL: _server, PK_TEST_DATABASE_URL: _url, PK_TEST_DATABASE_READ_URL: _readUrl, PK_TEST_PGLITE_TEMPLATE: _template, ...inherited } = process.env;
  const child = spawn(process.execPath, [bin, 'serve'], {
    env: { ...inherited, PORT: '0', HOST: '127.0.0.1', PARTNER_SITE_PORT: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /partnerkit is running at (\S+)/.exec(output);
      if (match) resolve({ child, url: new URL(match[1]!), output: () => output, exited });
    });
    void exited.then((code) => reject(new Error(`serve exited (${code}) before it was up:\n${output}`)));
  });
}
