import { Agent, request } from 'node:http';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { listen } from '../bff/listen.ts';
const app = new Hono().use(bodyLimit({ maxSize: 256 * 1024, onError: (c) => c.json({ e: 1 }, 413) })).post('/early', (c) => c.json({ early: true }, 401)).post('/read', async (c) => c.json({ n: (await c.req.text()).length })).get('/g', (c) => c.text('ok'));
const s = await listen(app.fetch);
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const send = (method: string, path: string, body?: Buffer) => new Promise<string>((res, rej) => {
  const r = request(s.url + path, { method, agent, headers: body ? { 'content-length': String(body.length), 'content-type': 'application/json' } : {} }, (x) => { let d = ''; x.on('data', (c) => (d += c)); x.on('end', () => res(`${x.statusCode} ${JSON.stringify(x.headers.connection)} ${d.slice(0, 40)}`)); });
  r.on('error', (e) => rej(e)); r.end(body);
});
for (const size of [10, 200_000, 300_000, 1_000_000]) {
  try { console.log(size, await send('POST', '/early', Buffer.alloc(size, 'x'))); } catch (e) { console.log(size, 'ERR1', (e as Error).message); }
  try { console.log(size, await send('GET', '/g')); } catch (e) { console.log(size, 'ERR2', (e as Error).message); }
}
await s.close(100); agent.destroy();
