import postgres from 'postgres';
import { createDatabase } from '../../db/database.ts';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
const config = loadConfig();
const db = process.env.DB!;
const admin = postgres(config.databaseUrl!, { max: 1 });
await admin.unsafe(`alter database "${db}" set auto_explain.log_analyze = ${process.env.ANALYZE ?? 'on'}`);
await admin.unsafe(`alter database "${db}" set auto_explain.log_min_duration = ${process.env.MIN ?? 0}`);
await admin.end();
const url = new URL(config.databaseUrl!); url.pathname = '/' + db;
const database = await createDatabase({ url: url.toString(), poolSize: 1 });
const app = createApp({ db: database.db, config, ping: database.ping });
const r = await app.request('/api/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench-partner@bench.example', password: process.env.PW ?? 'partnerkit-demo' }) });
const { token } = await r.json() as any;
const path = process.env.P ?? '/api/overview';
for (let i = 0; i < Number(process.env.N ?? 8); i++) {
  const t = performance.now();
  const res = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
  const body = await res.text();
  console.log(res.status, (performance.now() - t).toFixed(2), 'ms', body.length);
}
await database.close();
