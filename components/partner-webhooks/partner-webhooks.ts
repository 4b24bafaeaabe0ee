import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ApiElement } from '../api/api-element.ts';
import { ApiRequestError, type ApiClient, type EventType, type MeView, type WebhookDelivery, type WebhookEndpoint, type WebhookSecretView } from '../api/client.ts';
import { busyButton, loadingLine } from '../busy.ts';
import type { CopyResult } from '../copy-text.ts';
import { formatDate, formatDateTime, formatRelative } from '../dates.ts';
import { errorAlert, fieldMessages, retryAlert, toApiError } from '../error-messages.ts';
import { partnerEvent } from '../events.ts';
import { onDemandPart } from '../load-part.ts';
import { heardAfter } from '../of-name.ts';
import { PagedList, pagedView } from '../paged-list.ts';
import { controls } from '../styles/controls.ts';
import { tokens } from '../styles/tokens.ts';
import { fieldError, textField } from '../text-field.ts';
import { msg, str } from '../localize.ts';
import { formatNumber, plural } from '../numbers.ts';
// The catalogue in its order, from the module the BFF uses (it imports nothing).
import { eventTypes } from '../../bff/domain/event-types.ts';
import styles from './partner-webhooks.styles.ts';

/** The most endpoints a partner may have (the BFF's 409 `too_many_endpoints`). */
const maxEndpoints = 10;

interface Setup {
  client: ApiClient;
  me: MeView;
  allowed: boolean;
}

type Dialog =
  | { kind: 'create' }
  | { kind: 'rotate' | 'delete'; endpoint: WebhookEndpoint }
  | { kind: 'secret'; view: WebhookSecretView; reason: 'created' | 'rotated' };

/** The add form's fields whose server messages (`details[].path`) are shown beside them. */
const fieldPaths: Record<string, string> = { 'body.url': 'url', 'body.description': 'description', 'body.eventTypes': 'event-types' };

/** A text kept in state, read in the language of the moment when it is shown. */
type Text = () => string;

/** What is wrong with an address before the server is asked (the server checks again, and more). */
function urlProblem(value: string): Text | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return () => msg('Enter the full address, starting with https://.');
  }
  // http only to this machine, for development: the BFF allows it only with WEBHOOKS_ALLOW_HTTP_LOOPBACK=1.
  const loopback = /^(localhost|127(\.\d+){3}|\[::1\])$/.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return () => msg('Use an https:// address: webhooks carry your customers’ data.');
  if (url.username || url.password) return () => msg('Leave the user name and password out of the address: your receiver checks the signature instead.');
  return null;
}

/** The server's refusals in words a person can act on. */
function explain(error: unknown): ApiRequestError {
  const e = toApiError(error);
  if (e.code === 'too_many_endpoints') {
    return new ApiRequestError(e.status, e.code, msg(str`You have ${formatNumber(maxEndpoints)} endpoints, the most a partner may have. Delete one you no longer use, then add this one.`));
  }
  if (e.code === 'endpoint_disabled') return new ApiRequestError(e.status, e.code, msg('This endpoint is disabled: enable it, then replay the delivery.'));
  return e;
}

const urlRefused: Text = () =>
  msg('partnerkit does not send webhooks to this address: it must be a public https:// address, not a private, loopback or link-local one.');

/** An endpoint's state as a badge: its part and its text. */
function endpointState(e: WebhookEndpoint): [string, string] {
  if (e.enabled) return e.failingSince ? ['pending', msg(str`Enabled, failing since ${formatDate(e.failingSince)}`)] : ['active', msg('Enabled')];
  if (e.disabledReason === 'failing') return ['failure', msg(str`Disabled because failing since ${formatDate(e.failingSince ?? e.disabledAt ?? e.updatedAt)}`)];
  return ['expired', msg('Disabled by you')];
}

/** After a row's button, for screen readers: which endpoint it acts on. */
const forEndpoint = (e: WebhookEndpoint) => heardAfter(msg(str`for ${e.url}`, { desc: 'After a button, for screen readers: its endpoint.' }));

/**
 * The partner's webhook endpoints: where partnerkit sends the company's events (a customer signing
 * up, a trial ending, a delegation answered…) as signed HTTPS requests (Standard Webhooks). Lists
 * each endpoint with the events it wants and its state; adds one (the signing secret is shown
 * once, with a copy button), rotates its secret, enables and disables it, deletes it and sends it a
 * test event; and shows an endpoint's recent deliveries with their attempts, to replay one.
 *
 * Managing webhooks needs `webhooks:manage` (global admins of a partner company); anyone else sees
 * why, and no buttons.
 *
 * @fires partner-webhook-endpoint-created - An endpoint was added. `detail`: the endpoint (never its secret).
 * @fires partner-webhook-endpoint-updated - An endpoint was enabled or disabled. `detail`: the endpoint.
 * @fires partner-webhook-endpoint-deleted - An endpoint was deleted. `detail`: the endpoint as it was.
 * @fires partner-webhook-secret-rotated - An endpoint's secret was rotated. `detail`: the endpoint.
 * @fires partner-webhook-test-sent - A test event was queued. `detail`: `{ endpointId, delivery }`.
 * @fires partner-webhook-delivery-replayed - A delivery was queued again. `detail`: `{ endpointId, delivery }`.
 *
 * @csspart card - The box around the widget.
 * @csspart header - Title and "Add endpoint".
 * @csspart title - The widget's, a section's and the dialog's heading.
 * @csspart intro - Explanations.
 * @csspart list - The endpoints.
 * @csspart row - One endpoint; `url`, `description`, `facts` (events and state), `row-actions` inside.
 * @csspart deliveries - An endpoint's recent deliveries; `delivery-list`, `delivery` (one), `event-type`, `attempt-log`, `excerpt`.
 * @csspart badge - A state; also `active`, `pending`, `failure`, `expired`, `success`.
 * @csspart notice - The live region saying what just happened.
 * @csspart status - Loading lines and counts.
 * @csspart dialog - The add, confirm and secret dialog.
 * @csspart form - The dialog's form.
 * @csspart field - A label with its input; `event-types` the group of checkboxes.
 * @csspart label - A field's label.
 * @csspart input - A text input; `secret` the signing secret.
 * @csspart checkbox - An event type's checkbox.
 * @csspart hint - Help text.
 * @csspart field-error - A message about one field.
 * @csspart once-note - "You will not see it again" under the secret.
 * @csspart error - The alert region.
 * @csspart actions - A row of buttons.
 * @csspart button - Every button; also `primary`, `danger`, `add`, `more`, `copy`.
 *
 * @cssprop [--partner-font-family=system-ui, …] - Font.
 * @cssprop [--partner-radius=8px] - Corner radius.
 * @cssprop [--partner-space=1rem] - Spacing unit.
 * @cssprop [--partner-density=1] - Scales every gap and padding.
 * @cssprop [--partner-color-text=#1f2328] - Text.
 * @cssprop [--partner-color-muted=#59636e] - Secondary text.
 * @cssprop [--partner-color-surface=#ffffff] - Card and dialog background.
 * @cssprop [--partner-color-surface-alt=#f6f8fa] - Badges, the attempt log and read-only inputs.
 * @cssprop [--partner-color-border=#d1d9e0] - Borders and row dividers.
 * @cssprop [--partner-color-accent=#0969da] - Primary buttons and pending badges.
 * @cssprop [--partner-color-focus=#0969da] - Focus ring.
 * @cssprop [--partner-color-danger=#b42318] - Errors, failures and "Delete".
 * @cssprop [--partner-color-success=#1a7f37] - "Enabled" and "Delivered".
 */
export class PartnerWebhooks extends ApiElement {
  static override styles = [tokens, controls, styles];
  static override properties: PropertyDeclarations = {
    dialog: { state: true },
    busy: { state: true },
    selected: { state: true },
    rowBusy: { state: true },
    notice: { state: true },
    copied: { state: true },
  };

  private dialog: Dialog | null = null;
  /** The dialog's request, by what its button says meanwhile. */
  private busy: string | null = null;
  private dialogError: unknown = null;
  private urlError: Text | null = null;
  private copied: CopyResult | null = null;
  /** The endpoint whose deliveries are shown. */
  private selected: string | null = null;
  /** Row and delivery buttons whose request runs (their id → what they say meanwhile), and the last one that failed. */
  private rowBusy: Record<string, string> = {};
  private rowError: { id: string; error: unknown } | null = null;
  /** What just happened, for the live region. */
  private notice: Text | null = null;

  /** The id of the element to focus once the dialog closes (the button that opened it). */
  #returnFocus = 'add';
  #focusAfterUpdate: string | null = null;
  readonly #secretView = onDemandPart(this, 'webhook-secret');
  /** How a delivery shows, loaded when an endpoint's deliveries first open, beside their first page. */
  readonly #entries = onDemandPart(this, 'webhook-deliveries');

  readonly #setup = new Task(this, {
    args: () => [this.client] as const,
    task: async ([client], { signal }): Promise<Setup | null> => {
      this.dialog = null;
      this.selected = null;
      this.notice = null;
      if (!client.hasCredentials) return null;
      const me = await client.me({ signal });
      return { client, me, allowed: me.company.kind === 'partner' && me.permissions.includes('webhooks:manage') };
    },
  });

  /** One page: the BFF lists at most ten endpoints, newest first. */
  readonly #endpoints = new PagedList<WebhookEndpoint, readonly [Setup | null | undefined]>(
    this,
    () => [this.#setup.value] as const,
    ([setup], _cursor, signal) => (setup?.allowed ? setup.client.webhookEndpoints({ signal }).then(({ items }) => ({ items, nextCursor: null })) : initialState),
  );

  readonly #deliveries = new PagedList<WebhookDelivery, readonly [Setup | null | undefined, string | null]>(
    this,
    () => [this.#setup.value, this.selected] as const,
    ([setup, id], cursor, signal) => (setup && id ? setup.client.webhookDeliveries(id, { cursor }, { signal }) : initialState),
  );

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#endpoints.abort();
    this.#deliveries.abort();
  }

  protected override render() {
    const { status, value, error } = this.#setup;
    if (!this.client.hasCredentials || (status === TaskStatus.COMPLETE && !value)) return this.#card(html`<p part="intro">${msg('Sign in to manage your webhooks.')}</p>`);
    if (status === TaskStatus.ERROR) return this.#card(retryAlert(error, () => this.#setup.run(), 'primary'));
    if (!value) return this.#card(loadingLine(msg('Loading webhooks…')));
    const list = this.#endpoints.first;
    if (!value.allowed || (list.status === TaskStatus.ERROR && toApiError(list.error).status === 403)) return this.#card(this.#forbidden(value.me));
    const n = this.#endpoints.items.length;
    const loaded = list.status === TaskStatus.COMPLETE;
    return html`
      ${this.#card(
        html`
          <p part="status notice" role="status">${this.notice?.()}</p>
          ${pagedView(
            this.#endpoints,
            'webhooks-title',
            msg('Loading webhook endpoints…'),
            n ? msg(str`${formatNumber(n)} of ${formatNumber(maxEndpoints)} endpoints.`) : msg('No endpoints yet.'),
            (e) => this.#row(e),
            'list',
          )}
          ${loaded && !n
            ? html`<p part="intro">
                ${msg(
                  "Webhooks send your company's events as they happen (a customer signs up, a trial ends, a delegation is accepted…) to an HTTPS address of your own systems, signed so your receiver can check that they came from partnerkit. Add an endpoint to start.",
                )}
              </p>`
            : nothing}
        `,
        true,
      )}
      <dialog part="dialog" aria-labelledby="dialog-title" @cancel=${this.#onCancel} @close=${this.#onClose}>${this.#renderDialog()}</dialog>
    `;
  }

  #card(content: unknown, canAdd = false): TemplateResult {
    return html`
      <section part="card" aria-labelledby="webhooks-title">
        <div part="header">
          <h2 id="webhooks-title" part="title" tabindex="-1">${msg('Webhooks')}</h2>
          ${canAdd ? html`<button type="button" id="add" part="button primary add" @click=${() => this.#open({ kind: 'create' }, 'add', 'url')}>${msg('Add endpoint')}</button>` : nothing}
        </div>
        ${content}
      </section>
    `;
  }

  #forbidden(me: MeView): TemplateResult {
    return html`<p part="intro">
      ${me.company.kind === 'partner'
        ? msg(str`Webhooks send ${me.company.name}'s events to your own systems. Setting them up needs the global admin role; ask a global admin of your company if you need it.`)
        : msg('Webhooks are for partner companies: they send a partner’s events to its own systems.')}
    </p>`;
  }

  #row(e: WebhookEndpoint): TemplateResult {
    const [state, stateText] = endpointState(e);
    const open = this.selected === e.id;
    const previous = e.previousSecretExpiresAt && new Date(e.previousSecretExpiresAt).getTime() > Date.now() ? e.previousSecretExpiresAt : null;
    const busy = (action: string) => this.rowBusy[`${action}-${e.id}`];
    const about = forEndpoint(e);
    return html`
      <li part="row">
        <div part="url">${e.url}</div>
        ${e.description ? html`<p part="description">${e.description}</p>` : nothing}
        <dl part="facts" class="pairs">
          <div><dt>${msg('Events')}</dt><dd>${e.eventTypes.length ? e.eventTypes.join(', ') : msg('All events')}</dd></div>
          <div><dt>${msg('State', { desc: 'An endpoint’s status.' })}</dt><dd><span part="badge ${state}">${stateText}</span></dd></div>
          ${previous ? html`<div><dt>${msg('Old secret')}</dt><dd>${msg(str`Still signs until ${formatDateTime(previous)}`)}</dd></div>` : nothing}
        </dl>
        <div part="row-actions actions">
          <button type="button" part="button" id="deliveries-${e.id}" aria-expanded=${open ? 'true' : 'false'} aria-controls="panel-${e.id}" @click=${() => this.#select(e)}>${open ? msg('Hide deliveries') : msg('Deliveries')}${about}</button>
          ${busyButton('', html`${msg('Send test event')}${about}`, busy('test') ?? null, () => this.#test(e), `test-${e.id}`)}
          ${busyButton('', html`${e.enabled ? msg('Disable') : msg('Enable')}${about}`, busy('toggle') ?? null, () => this.#toggle(e), `toggle-${e.id}`)}
          <button type="button" part="button" id="rotate-${e.id}" @click=${() => this.#open({ kind: 'rotate', endpoint: e }, `rotate-${e.id}`, 'confirm')}>${msg('Rotate secret')}${about}</button>
          <button type="button" part="button" id="delete-${e.id}" @click=${() => this.#open({ kind: 'delete', endpoint: e }, `delete-${e.id}`, 'confirm')}>${msg('Delete')}${about}</button>
        </div>
        ${this.rowError?.id === e.id ? errorAlert(explain(this.rowError.error)) : nothing}
        ${open ? this.#renderDeliveries(e) : nothing}
      </li>
    `;
  }

  #renderDeliveries(e: WebhookEndpoint): TemplateResult {
    const list = this.#deliveries;
    const view = this.#entries.value;
    const n = list.items.length;
    const count = formatNumber(n);
    const summary = !n
      ? msg('No deliveries yet. Send a test event to try the endpoint.')
      : list.nextCursor
        ? plural(n, { one: () => msg(str`${count} delivery, more to load.`), other: () => msg(str`${count} deliveries, more to load.`) })
        : plural(n, { one: () => msg(str`${count} delivery.`), other: () => msg(str`${count} deliveries.`) });
    return html`
      <section part="deliveries" id="panel-${e.id}" aria-labelledby="deliveries-title-${e.id}">
        <h3 part="title" id="deliveries-title-${e.id}">${msg('Recent deliveries')}</h3>
        ${view
          ? pagedView(list, `deliveries-title-${e.id}`, msg('Loading deliveries…'), summary, (d) =>
              view.deliveryItem(d, {
                busy: this.rowBusy[`replay-${d.id}`] ?? null,
                error: this.rowError?.id === d.id ? errorAlert(explain(this.rowError.error)) : nothing,
                onReplay: () => this.#replay(e, d),
              }), 'delivery-list')
          : this.#entries.placeholder(msg('Loading deliveries…'))}
      </section>
    `;
  }

  // ---- the dialog -------------------------------------------------------------------------

  #renderDialog() {
    const d = this.dialog;
    if (!d) return nothing;
    if (d.kind === 'secret') {
      const part = this.#secretView.value;
      return part
        ? part.webhookSecretView({ view: d.view, reason: d.reason, copied: this.copied, onCopied: (c) => (this.copied = c), onDone: this.#close })
        : this.#secretView.placeholder();
    }
    if (d.kind === 'create') return this.#renderCreate();
    const rotate = d.kind === 'rotate';
    return html`
      <form part="form" @submit=${(ev: SubmitEvent) => this.#confirm(ev, d.endpoint, rotate)}>
        <h2 id="dialog-title" part="title">${rotate ? msg('Rotate the signing secret?') : msg('Delete this endpoint?')}</h2>
        <p part="intro" class="url">${d.endpoint.url}</p>
        <p part="intro">
          ${rotate
            ? msg('You get a new secret, shown once. The old secret keeps working for 24 hours, so you can update your receiver without missing a delivery.')
            : msg('partnerkit stops sending events to it at once, and its delivery history is deleted with it. This cannot be undone.')}
        </p>
        ${errorAlert(this.dialogError)}
        <div part="actions">
          ${busyButton(rotate ? 'primary' : 'danger', rotate ? msg('Rotate secret') : msg('Delete endpoint'), this.busy, undefined, 'confirm')}
          ${this.#cancelButton()}
        </div>
      </form>
    `;
  }

  #renderCreate(): TemplateResult {
    const errors = fieldMessages(this.dialogError, (path) => fieldPaths[path]);
    if (this.urlError) errors.set('url', [this.urlError()]);
    const readonly = !!this.busy;
    return html`
      <form part="form" novalidate @submit=${this.#onCreate}>
        <h2 id="dialog-title" part="title">${msg('Add a webhook endpoint')}</h2>
        ${textField({ id: 'url', label: msg('URL'), type: 'url', placeholder: 'https://example.com/webhooks/partnerkit', hint: msg('An https:// address of your system that receives the events.'), required: true, maxlength: 2048, readonly, messages: errors.get('url') })}
        ${textField({ id: 'description', label: msg('Description (optional)'), maxlength: 200, readonly, messages: errors.get('description') })}
        <fieldset part="field event-types" aria-describedby="event-types-hint">
          <legend part="label">${msg('Events to send')}</legend>
          <p part="hint" id="event-types-hint">${msg('Choose none to receive all events, also types added later.')}</p>
          <div class="choices">
            ${eventTypes.map(
              (type) => html`<label><input part="checkbox" type="checkbox" name="eventTypes" value=${type} ?disabled=${readonly} /><code>${type}</code></label>`,
            )}
          </div>
          ${fieldError('event-types', errors.get('event-types'))}
        </fieldset>
        ${errorAlert(toApiError(this.dialogError).code === 'webhook_url_refused' ? null : this.dialogError && explain(this.dialogError), (p) => fieldPaths[p])}
        <div part="actions">
          ${busyButton('primary', msg('Add endpoint'), this.busy, undefined, 'submit')}
          ${this.#cancelButton()}
        </div>
      </form>
    `;
  }

  #cancelButton(): TemplateResult {
    return html`<button type="button" part="button" @click=${this.#close}>${msg('Cancel')}</button>`;
  }

  protected override updated(changed: PropertyValues<this>) {
    super.updated(changed);
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && this.dialog && !dialog.open) dialog.showModal();
    if (dialog && !this.dialog && dialog.open) dialog.close();
    const target = this.#focusAfterUpdate;
    const element = target ? (this.renderRoot as ShadowRoot).getElementById(target) : null;
    if (element && (!this.dialog || dialog?.open)) {
      this.#focusAfterUpdate = null;
      element.focus();
    }
  }

  #open(dialog: Dialog, returnFocus: string, focus: string) {
    this.dialogError = null;
    this.urlError = null;
    this.copied = null;
    this.rowError = null;
    this.dialog = dialog;
    this.#returnFocus = returnFocus;
    this.#focusAfterUpdate = focus;
  }

  #close = () => {
    if (this.busy || !this.dialog) return;
    // Forget the secret the moment its dialog closes: it is shown once.
    this.dialog = null;
    this.copied = null;
    this.#focusAfterUpdate = this.#returnFocus;
  };

  #onCancel = (event: Event) => {
    if (this.busy) event.preventDefault(); // Escape while a request runs: let it finish
  };

  #onClose = () => this.#close();

  /** Runs the dialog's request with its busy label; a failure goes to the dialog's alert. */
  async #act(label: string, action: (client: ApiClient) => Promise<void>) {
    if (this.busy) return;
    this.busy = label;
    this.dialogError = null;
    try {
      await action(this.client);
    } catch (error) {
      this.dialogError = toApiError(error);
      if (this.dialog?.kind === 'create' && fieldMessages(error, (p) => fieldPaths[p]).has('url')) this.#focusAfterUpdate = 'url';
      if (this.dialogError instanceof ApiRequestError && this.dialogError.code === 'webhook_url_refused') {
        this.urlError = urlRefused;
        this.#focusAfterUpdate = 'url';
      }
    } finally {
      this.busy = null;
    }
  }

  #onCreate = (event: SubmitEvent) => {
    event.preventDefault();
    if (this.busy) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const url = String(data.get('url') ?? '').trim();
    const description = String(data.get('description') ?? '').trim();
    this.urlError = urlProblem(url);
    this.dialogError = null;
    if (this.urlError) {
      this.#focusAfterUpdate = 'url';
      this.requestUpdate();
      return;
    }
    const eventTypes = data.getAll('eventTypes') as EventType[];
    void this.#act(msg('Adding…'), async (client) => {
      const [view] = await Promise.all([client.createWebhookEndpoint({ url, ...(description ? { description } : {}), eventTypes }), this.#secretView.load()]);
      this.#endpoints.prepend(view.endpoint);
      this.#showSecret(view, 'created');
      this.dispatchEvent(partnerEvent('partner-webhook-endpoint-created', view.endpoint));
    });
  };

  #confirm(event: SubmitEvent, endpoint: WebhookEndpoint, rotate: boolean) {
    event.preventDefault();
    if (rotate) {
      void this.#act(msg('Rotating…'), async (client) => {
        const [view] = await Promise.all([client.rotateWebhookSecret(endpoint.id), this.#secretView.load()]);
        this.#endpoints.replace(view.endpoint);
        this.#showSecret(view, 'rotated');
        this.dispatchEvent(partnerEvent('partner-webhook-secret-rotated', view.endpoint));
      });
      return;
    }
    void this.#act(msg('Deleting…'), async (client) => {
      await client.deleteWebhookEndpoint(endpoint.id);
      this.#endpoints.remove(endpoint.id);
      if (this.selected === endpoint.id) this.selected = null;
      this.notice = () => msg(str`Deleted the endpoint ${endpoint.url}.`);
      this.#returnFocus = 'add';
      this.busy = null;
      this.#close();
      this.dispatchEvent(partnerEvent('partner-webhook-endpoint-deleted', endpoint));
    });
  }

  #showSecret(view: WebhookSecretView, reason: 'created' | 'rotated') {
    this.dialog = { kind: 'secret', view, reason };
    this.copied = null;
    this.#focusAfterUpdate = 'signing-secret';
    // After "Done", the focus goes to the new endpoint's row (a rotation: back to its button).
    if (reason === 'created') this.#returnFocus = `deliveries-${view.endpoint.id}`;
  }

  #select(e: WebhookEndpoint) {
    this.selected = this.selected === e.id ? null : e.id;
    if (this.selected) void this.#entries.load();
  }

  /** Runs a row's request with its button busy; a failure shows in the row. */
  async #rowAction(key: string, rowId: string, label: string, action: (client: ApiClient) => Promise<void>) {
    if (this.rowBusy[key]) return;
    this.rowBusy = { ...this.rowBusy, [key]: label };
    this.rowError = null;
    try {
      await action(this.client);
    } catch (error) {
      this.rowError = { id: rowId, error };
    } finally {
      const { [key]: _done, ...rest } = this.rowBusy;
      this.rowBusy = rest;
    }
  }

  #toggle(e: WebhookEndpoint) {
    void this.#rowAction(`toggle-${e.id}`, e.id, e.enabled ? msg('Disabling…') : msg('Enabling…'), async (client) => {
      const updated = await client.updateWebhookEndpoint(e.id, { enabled: !e.enabled });
      this.#endpoints.replace(updated);
      this.notice = updated.enabled ? () => msg(str`Enabled the endpoint ${updated.url}.`) : () => msg(str`Disabled the endpoint ${updated.url}.`);
      this.dispatchEvent(partnerEvent('partner-webhook-endpoint-updated', updated));
    });
  }

  #test(e: WebhookEndpoint) {
    void this.#rowAction(`test-${e.id}`, e.id, msg('Sending…'), async (client) => {
      const delivery = await client.testWebhookEndpoint(e.id);
      if (this.selected === e.id) this.#deliveries.prepend(delivery);
      this.notice = () => msg(str`Test event queued for ${e.url}; its delivery shows under Deliveries.`, { desc: 'Deliveries: the button.' });
      this.dispatchEvent(partnerEvent('partner-webhook-test-sent', { endpointId: e.id, delivery }));
    });
  }

  #replay(e: WebhookEndpoint, d: WebhookDelivery) {
    void this.#rowAction(`replay-${d.id}`, d.id, msg('Replaying…'), async (client) => {
      const delivery = await client.replayWebhookDelivery(e.id, d.id);
      this.#deliveries.replace(delivery);
      this.notice = () => msg(str`The ${d.event.type} event is queued to be sent again.`);
      this.dispatchEvent(partnerEvent('partner-webhook-delivery-replayed', { endpointId: e.id, delivery }));
    });
  }
}

export const partnerWebhooksTag = 'partner-webhooks';
if (!customElements.get(partnerWebhooksTag)) customElements.define(partnerWebhooksTag, PartnerWebhooks);

declare global {
  interface HTMLElementTagNameMap {
    'partner-webhooks': PartnerWebhooks;
  }
}
