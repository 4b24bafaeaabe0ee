/**
 * The partner site's webhook receiver: what a partner's own backend does with partnerkit's
 * events. At start it registers `<site>/webhooks` through the BFF's API (as the partner's admin,
 * with an embed session), keeps the signing secret it is shown once, verifies every delivery
 * with the `standardwebhooks` library, and keeps the last few for its page to show.
 *
 * Plain http to a loopback address is refused by the BFF unless WEBHOOKS_ALLOW_HTTP_LOOPBACK=1
 * (which `npm start` sets); the site then says so instead of receiving.
 */
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { z } from 'zod';

const description = 'Demo partner site';
/** How many verified events the page shows. */
const kept = 20;

const payloadSchema = z.object({ type: z.string(), timestamp: z.string(), data: z.record(z.string(), z.unknown()) });
export type ReceivedEvent = z.infer<typeof payloadSchema> & { id: string; receivedAt: string };

export interface WebhookReceiver {
  /** `GET /webhook-events`: whether the site receives, and the last verified events, newest first. */
  state(): { receiving: boolean; note: string | null; events: ReceivedEvent[] };
  /** `POST /webhooks`: 204 for a verified delivery, 400 for anything else. */
  receive(body: string, headers: Record<string, string>): number;
}

type Call = <T>(path: string, init?: RequestInit) => Promise<{ status: number; body: T }>;

/** Registers the endpoint (replacing the one of an earlier start) and returns the receiver. */
export async function startWebhookReceiver(siteUrl: string, call: Call): Promise<WebhookReceiver> {
  let verifier: Webhook | null = null;
  let note: string | null = null;
  const events: ReceivedEvent[] = [];

  const listed = await call<{ items: { id: string; description: string | null }[] }>('/api/webhook-endpoints');
  for (const endpoint of listed.status === 200 ? listed.body.items : []) {
    if (endpoint.description === description) await call(`/api/webhook-endpoints/${endpoint.id}`, { method: 'DELETE' });
  }
  const created = await call<{ secret?: string; error?: { message: string } }>('/api/webhook-endpoints', {
    method: 'POST',
    body: JSON.stringify({ url: `${siteUrl}/webhooks`, description }),
  });
  if (created.status === 201 && created.body.secret) verifier = new Webhook(created.body.secret);
  else note = `The BFF did not register ${siteUrl}/webhooks (${created.status}: ${created.body.error?.message ?? 'no message'}). Start it with WEBHOOKS_ALLOW_HTTP_LOOPBACK=1 to receive events here.`;

  return {
    state: () => ({ receiving: verifier !== null, note, events }),
    receive(body, headers) {
      if (!verifier) return 400;
      try {
        const payload = payloadSchema.parse(verifier.verify(body, headers));
        // At-least-once: a retry of a message already shown carries the same webhook-id.
        const id = headers['webhook-id']!;
        if (!events.some((e) => e.id === id)) {
          events.unshift({ ...payload, id, receivedAt: new Date().toISOString() });
          events.length = Math.min(events.length, kept);
        }
        return 204;
      } catch (error) {
        if (error instanceof WebhookVerificationError || error instanceof z.ZodError) return 400;
        throw error;
      }
    },
  };
}
