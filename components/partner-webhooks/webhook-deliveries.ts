/**
 * One entry of an endpoint's "Recent deliveries" in `<partner-webhooks>`: the event, its state,
 * when it was made, the attempts so far and the next one, the attempt log with the receiver's
 * answers, and "Replay". Loaded when a partner first opens an endpoint's deliveries, beside the
 * deliveries' first page (load-part.ts), so the element's entry carries only the endpoint list.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { WebhookDelivery } from '../api/client.ts';
import { busyButton } from '../busy.ts';
import { formatDateTime, formatRelative } from '../dates.ts';
import { msg, str } from '../localize.ts';
import { formatNumber } from '../numbers.ts';
import { css } from '../styles/css.ts';

const deliveryStates: Record<WebhookDelivery['status'], [string, () => string]> = {
  succeeded: ['success', () => msg('Delivered')],
  failed: ['failure', () => msg('Failed')],
  pending: ['pending', () => msg('Pending')],
};

/** A line of an attempt log. The status code, the error and the milliseconds are shown as they were recorded (the error is the BFF's, in English). */
function attemptLine(a: WebhookDelivery['attemptLog'][number]): string {
  const outcome = `${a.statusCode ?? msg('no answer')}${a.error ? ` (${a.error})` : ''}`;
  return msg(str`Attempt ${formatNumber(a.attempt)}, ${formatDateTime(a.at)}: ${outcome}, ${a.latencyMs} ms`);
}

export interface DeliveryActions {
  /** What "Replay" says while its request runs, else null. */
  busy: string | null;
  /** The alert of the last replay's refusal, shown under the entry (the element words it). */
  error: TemplateResult | typeof nothing;
  onReplay: () => void;
}

/** An `<li>` of the deliveries' list; "Replay" has the id `replay-<delivery id>`. */
export function deliveryItem(d: WebhookDelivery, { busy, error, onReplay }: DeliveryActions): TemplateResult {
  const [state, stateText] = deliveryStates[d.status];
  const attempts = formatNumber(d.attempts);
  return html`
    <li part="delivery">
      <div class="head"><code part="event-type">${d.event.type}</code><span part="badge ${state}">${stateText()}</span></div>
      <dl class="pairs">
        <div><dt>${msg('When')}</dt><dd><time datetime=${d.createdAt}>${formatDateTime(d.createdAt)}</time></dd></div>
        <div>
          <dt>${msg('Attempts')}</dt>
          <dd>${d.status === 'pending' && d.nextAttemptAt
            ? msg(str`${attempts}, next ${formatRelative(d.nextAttemptAt)}`, { desc: 'Attempts so far; when the next is due.' })
            : attempts}</dd>
        </div>
        <div><dt>${msg('Last status')}</dt><dd>${d.lastStatusCode ?? (d.attempts ? msg('No answer') : '—')}</dd></div>
      </dl>
      ${d.attemptLog.length
        ? html`<details part="attempt-log">
            <summary>${msg('Attempt log')}</summary>
            <ol>
              ${d.attemptLog.map(
                (a) => html`<li>
                  ${attemptLine(a)}
                  ${a.responseExcerpt ? html`<pre part="excerpt">${a.responseExcerpt}</pre>` : nothing}
                </li>`,
              )}
            </ol>
          </details>`
        : nothing}
      <div part="actions">
        ${busyButton(
          '',
          html`${msg('Replay')}<span class="visually-hidden"> ${msg(str`${d.event.type} of ${formatDateTime(d.createdAt)}`, { desc: 'After “Replay”, for screen readers: event type, date.' })}</span>`,
          busy,
          onReplay,
          `replay-${d.id}`,
        )}
      </div>
      ${error}
    </li>
  `;
}

/** The styles of an entry; the panel around the list is the element's. */
export const styles = css`
  [part~='delivery'] {
    display: grid;
    gap: calc(var(--_space) * 0.375);
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    border: 1px solid var(--_color-border);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_color-surface);
    min-width: 0;
  }

  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }

  [part~='attempt-log'] ol {
    gap: calc(var(--_space) * 0.375);
    margin-top: calc(var(--_space) * 0.375);
    font-size: 0.9375em;
  }

  summary {
    cursor: pointer;
    width: fit-content;
  }

  summary:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }

  [part~='excerpt'] {
    margin: 0.25em 0 0;
    padding: 0.5em;
    max-height: 8rem;
    overflow: auto;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    font-size: 0.875em;
    background: var(--_color-surface-alt);
    border-radius: calc(var(--_radius) * 0.5);
  }
`;
