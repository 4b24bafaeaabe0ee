import { defineConfig } from 'drizzle-kit';

// Only used by `npm run db:generate`: drizzle-kit diffs db/schema.ts against the committed
// snapshots and writes the next SQL migration into db/migrations.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './db/migrations',
});
