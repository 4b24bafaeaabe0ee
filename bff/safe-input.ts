/**
 * The edge every request passes before any route: the body is read here, once and whole, and
 * path, query and body must be text Postgres can store. Postgres refuses a NUL character in
 * `text`, and a lone UTF-16 surrogate or invalid UTF-8 is not text at all; either would surface
 * as a database error (a 500) wherever such a string reached a query. Refusing them here, with
 * 422 in the error shape, covers every route and every field at once.
 *
 * Reading the whole body before the route also keeps connections usable: @hono/node-server
 * cannot drain a body whose stream was opened and then left unread (a route answering 401
 * before its validator reads), and drops that socket after 500 ms, failing the client's next
 * request on it. Validators then take the text from Hono's body cache.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';
import { ApiError, type ErrorDetail } from './errors.ts';

/** Past the limit, a chunked body is still read (and thrown away) up to this much, so the 413 can keep the connection. */
const drainCap = 8 * 1024 * 1024;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

const invalid = (details: ErrorDetail[]) => new ApiError(422, 'validation_failed', 'The request contains text that cannot be stored; see details.', details);

/** Why a decoded string is refused, or null when it is fine. */
function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'Contains a NUL character.';
  if (!value.isWellFormed()) return 'Contains an unpaired UTF-16 surrogate.';
  return null;
}

/** Checks each percent-encoded part of the path or query string. */
function checkUrlParts(parts: string[], where: string, details: ErrorDetail[]) {
  for (const part of parts) {
    if (!part.includes('%')) continue;
    let decoded: string;
    try {
      decoded = decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      details.push({ path: where, message: 'Not valid UTF-8 after percent-decoding.' });
      continue;
    }
    const problem = textProblem(decoded);
    if (problem) details.push({ path: where, message: problem });
  }
}

/** Every string (and key) of a parsed JSON value, walked without recursion so nesting depth cannot overflow the stack. */
function checkJson(value: unknown, details: ErrorDetail[]) {
  const stack: [unknown, string][] = [[value, 'body']];
  while (stack.length && details.length < 10) {
    const [node, path] = stack.pop()!;
    if (typeof node === 'string') {
      const problem = textProblem(node);
      if (problem) details.push({ path, message: problem });
    } else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        const problem = textProblem(key);
        if (problem) details.push({ path, message: `A key ${problem.charAt(0).toLowerCase()}${problem.slice(1)}` });
        stack.push([child, `${path}.${key}`]);
      }
    }
  }
}

async function readAll(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array | 'too_large'> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > drainCap) {
      await reader.cancel();
      return 'too_large';
    }
    if (size <= maxBytes) chunks.push(value);
  }
  if (size > maxBytes) return 'too_large';
  return Buffer.concat(chunks, size);
}

/**
 * Hono keeps each body it read as a promise under its reader's name (`text`, `arrayBuffer`) and
 * derives the others from it; its declared type names the resolved values instead.
 */
const cache = (bodyCache: object) => bodyCache as { text?: Promise<string>; arrayBuffer?: Promise<ArrayBuffer> };

export function safeInput(options: { maxBodyBytes: number }): MiddlewareHandler<AppEnv> {
  const { maxBodyBytes } = options;
  const tooLarge = () => new ApiError(413, 'payload_too_large', `The request body is larger than ${maxBodyBytes / 1024} KB.`);
  return async function safeInput(c, next) {
    const details: ErrorDetail[] = [];
    const { url } = c.req;
    if (url.includes('%')) {
      const queryAt = url.indexOf('?');
      const path = new URL(url).pathname;
      checkUrlParts(path.split('/'), 'path', details);
      if (queryAt >= 0) {
        for (const pair of url.slice(queryAt + 1).split('&')) {
          const [name = '', value = ''] = pair.split('=', 2);
          checkUrlParts([name, value], `query.${name}`, details);
        }
      }
    }

    const method = c.req.method;
    // Not for GET: asking a GET for its body makes @hono/node-server build a whole fetch
    // Request that nothing else needs (a tenth of a list request's time, measured).
    if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
      // Refused before the body is touched: the server can still drain a stream nobody opened.
      if (Number(c.req.header('Content-Length')) > maxBodyBytes && !c.req.header('Transfer-Encoding')) throw tooLarge();
      const body = c.req.raw.body;
      if (body) {
        const bytes = await readAll(body, maxBodyBytes);
        if (bytes === 'too_large') throw tooLarge();
        if (/\bjson\b/i.test(c.req.header('Content-Type') ?? '')) {
          let text: string;
          try {
            text = strictUtf8.decode(bytes);
          } catch {
            throw invalid([{ path: 'body', message: 'Not valid UTF-8.' }]);
          }
          let parsed: unknown;
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = undefined; // the validator answers 400 malformed_json
          }
          checkJson(parsed, details);
          cache(c.req.bodyCache).text = Promise.resolve(text);
        } else {
          cache(c.req.bodyCache).arrayBuffer = Promise.resolve(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
        }
      }
    }
    if (details.length) throw invalid(details);
    await next();
  };
}
