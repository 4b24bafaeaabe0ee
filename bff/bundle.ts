/**
 * The built distribution that other origins load: dist/partnerkit.js, the per-element entries
 * under dist/elements/ (and their shared chunks), the translations under dist/locales/ and
 * dist/custom-elements.json.
 *
 * Each file is read once per version (its size and mtime say when it changed) and kept with its
 * content hash and a gzipped copy. Caching follows the hash:
 * - `/partnerkit.js` answers `Cache-Control: no-cache` with `ETag: "<hash>"`, so a browser
 *   revalidates and gets a 304 until the file changes;
 * - `/partnerkit.js?v=<hash>` (the current hash) may be kept for a year (`immutable`);
 * - chunks carry their content hash in their name, so they are always immutable.
 * The files are public code: any origin may read them (`Access-Control-Allow-Origin: *`, and
 * `Cross-Origin-Resource-Policy: cross-origin` for pages that isolate themselves with COEP).
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// Uint8Array<ArrayBuffer>: what a Response body takes (a Buffer may sit on a shared pool).
export interface DistFile {
  body: Uint8Array<ArrayBuffer>;
  /** The same bytes, gzipped, for clients that accept it. */
  gzipped: Uint8Array<ArrayBuffer>;
  /** Hex SHA-256 of `body`, first 16 characters: the ETag and the `?v=` value. */
  hash: string;
  contentType: string;
  /** True when the file's name carries its content hash (chunks): every response may be kept forever. */
  hashedName: boolean;
}

/** The files served, by URL path: a name outside these patterns is not ours to serve. */
const servedPaths: { pattern: RegExp; contentType: string; hashedName: boolean }[] = [
  { pattern: /^partnerkit\.js$/, contentType: 'text/javascript; charset=utf-8', hashedName: false },
  { pattern: /^custom-elements\.json$/, contentType: 'application/json; charset=utf-8', hashedName: false },
  { pattern: /^elements\/[a-z][a-z0-9-]*\.js$/, contentType: 'text/javascript; charset=utf-8', hashedName: false },
  { pattern: /^elements\/chunks\/[\w-]+\.js$/, contentType: 'text/javascript; charset=utf-8', hashedName: true },
  // The translations the one-file bundle loads from beside itself (components/localize.ts).
  { pattern: /^locales\/[a-z]{2,3}\.js$/, contentType: 'text/javascript; charset=utf-8', hashedName: false },
];

export function contentHash(body: Uint8Array): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 16);
}

export interface DistFiles {
  /** The file at `path` (relative to dist/, e.g. `elements/partner-session.js`), or undefined. */
  get(path: string): Promise<DistFile | undefined>;
}

/** Reads served files from `dir`, caching each until its size or mtime changes (a new build). */
export function distFiles(dir: string): DistFiles {
  const cache = new Map<string, { size: number; mtimeMs: number; file: DistFile }>();
  return {
    async get(path) {
      const served = servedPaths.find((p) => p.pattern.test(path));
      if (!served) return undefined;
      const location = join(dir, path);
      const info = await stat(location).catch(() => undefined);
      if (!info?.isFile()) return undefined;
      const cached = cache.get(path);
      if (cached && cached.size === info.size && cached.mtimeMs === info.mtimeMs) return cached.file;
      const body = new Uint8Array(await readFile(location));
      const file: DistFile = {
        body,
        gzipped: new Uint8Array(gzipSync(body, { level: 9 })),
        hash: contentHash(body),
        contentType: served.contentType,
        hashedName: served.hashedName,
      };
      cache.set(path, { size: info.size, mtimeMs: info.mtimeMs, file });
      return file;
    },
  };
}

export interface DistRequest {
  /** The `v` query parameter: a version the page pinned. */
  version?: string | undefined;
  ifNoneMatch?: string | undefined;
  acceptEncoding?: string | undefined;
}

export type DistResponse =
  | { status: 200; headers: Record<string, string>; body: Uint8Array<ArrayBuffer> }
  | { status: 304; headers: Record<string, string>; body: null };

const yearInSeconds = 365 * 24 * 60 * 60;

/** The answer to a GET of `file`: headers, and the body (gzipped when the client takes it) or a 304. */
export function distResponse(file: DistFile, request: DistRequest): DistResponse {
  const immutable = file.hashedName || request.version === file.hash;
  const headers: Record<string, string> = {
    'Content-Type': file.contentType,
    ETag: `"${file.hash}"`,
    // A `v` other than the current hash gets today's file, which must not be kept under that URL.
    'Cache-Control': immutable ? `public, max-age=${yearInSeconds}, immutable` : 'no-cache',
    Vary: 'Accept-Encoding',
    'Access-Control-Allow-Origin': '*',
    'Cross-Origin-Resource-Policy': 'cross-origin',
  };
  if (matchesETag(request.ifNoneMatch, file.hash)) return { status: 304, headers, body: null };
  if (acceptsGzip(request.acceptEncoding)) {
    // Another encoding of the same content: a weak tag, as nginx does (RFC 9110 §8.8.1).
    return { status: 200, headers: { ...headers, ETag: `W/"${file.hash}"`, 'Content-Encoding': 'gzip' }, body: file.gzipped };
  }
  return { status: 200, headers, body: file.body };
}

/** `If-None-Match` names this version: `*`, or a listed tag with the hash (weak comparison). */
function matchesETag(header: string | undefined, hash: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const value = tag.trim().replace(/^W\//, '');
    return value === '*' || value === `"${hash}"`;
  });
}

/** `Accept-Encoding` lists gzip (or `*`) with a q-value above 0. */
function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((entry) => {
    const [coding, ...params] = entry.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}
