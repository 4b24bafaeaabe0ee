/**
 * One webhook message on the wire: signed as Standard Webhooks says (`webhook-id`,
 * `webhook-timestamp`, `webhook-signature`), POSTed through node:http/https with the SSRF-safe
 * lookup, given 10 seconds, never redirected, and at most 4 KB of the answer read.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Webhook } from 'standardwebhooks';
import { literalAddress, refusedAddress, safeLookup } from './ssrf.ts';

export interface Message {
  /** `msg_<eventId>`: the same on every attempt and replay, so receivers can drop duplicates. */
  id: string;
  /** When this attempt is sent; receivers refuse old timestamps (replay protection). */
  timestamp: Date;
  /** The JSON text exactly as signed. */
  body: string;
}

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  /** Why the attempt failed, when it did (refused address, timeout, redirect, connection error). */
  error: string | null;
  /** The first 4 KB of the response body, as text. */
  responseExcerpt: string | null;
}

export const sendLimits = { timeoutMs: 10_000, excerptBytes: 4096 } as const;

/** `v1,<base64>` for each secret, space-separated: receivers accept the message if any one verifies. */
export function signatureHeader(secrets: readonly string[], message: Message): string {
  return secrets.map((secret) => new Webhook(secret).sign(message.id, message.timestamp, message.body)).join(' ');
}

export interface SendOptions {
  /** WEBHOOKS_ALLOW_HTTP_LOOPBACK. */
  allowLoopback: boolean;
  timeoutMs?: number;
}

/** Sends `message` to `url` signed with `secrets`; never throws, every failure is in the result. */
export function sendMessage(url: string, message: Message, secrets: readonly string[], options: SendOptions): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const failed = (error: string, statusCode: number | null = null, responseExcerpt: string | null = null): SendResult => ({
    ok: false,
    statusCode,
    latencyMs: elapsed(),
    error,
    responseExcerpt,
  });

  const target = new URL(url);
  const policy = { allowLoopback: options.allowLoopback, loopbackOnly: target.protocol === 'http:' };
  // A literal address never reaches `lookup` (net connects to it directly), so it is judged here.
  const address = literalAddress(target.hostname);
  const refused = address ? refusedAddress(address, policy) : null;
  if (refused) return Promise.resolve(failed(`Refused: ${address} is ${refused}.`));

  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(result);
    };
    const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(target, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'partnerkit-webhooks/1',
        'webhook-id': message.id,
        'webhook-timestamp': String(Math.floor(message.timestamp.getTime() / 1000)),
        'webhook-signature': signatureHeader(secrets, message),
      },
      lookup: safeLookup(policy),
      // A connection per message: each connect then passes the lookup under the policy in force.
      agent: false,
    });
    const timeoutMs = options.timeoutMs ?? sendLimits.timeoutMs;
    const timer = setTimeout(() => finish(failed(`No answer within ${timeoutMs / 1000} s.`)), timeoutMs);
    request.on('error', (error: NodeJS.ErrnoException) => finish(failed(error.name === 'RefusedAddressError' ? `Refused: ${error.message}` : (error.code ?? error.message))));
    request.on('response', (response: IncomingMessage) => {
      const status = response.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        // Postgres text cannot hold NUL; a receiver's bytes are shown, not trusted.
        const excerpt = Buffer.concat(chunks).subarray(0, sendLimits.excerptBytes).toString('utf8').replaceAll('\u0000', '');
        const responseExcerpt = excerpt.length > 0 ? excerpt : null;
        if (status >= 200 && status < 300) finish({ ok: true, statusCode: status, latencyMs: elapsed(), error: null, responseExcerpt });
        else if (status >= 300 && status < 400) finish(failed(`Redirect (${status}) not followed; point the endpoint at the final URL.`, status, responseExcerpt));
        else finish(failed(`HTTP ${status}`, status, responseExcerpt));
      };
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        // Enough to show what the receiver said; the rest is not read at all.
        if (size >= sendLimits.excerptBytes) done();
      });
      response.on('end', done);
      response.on('error', done);
      response.on('close', done);
    });
    request.end(message.body);
  });
}
