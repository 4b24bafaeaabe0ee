/**
 * The activity log of `<partner-delegation-consent>`'s overview: what partners did in the
 * company and every change to their access, newest first, a page at a time, with a partner filter
 * and the CSV download. The element keeps the state; this shows it. A part the element loads
 * when its overview first shows (load-part.ts), so a customer answering a request by its link
 * never loads it.
 */
import { TaskStatus } from '@lit/task';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ApiClient, AuditEntryView, PartnerListItem } from '../api/client.ts';
import { busyButton, loadingLine } from '../busy.ts';
import { formatDateTime, today } from '../dates.ts';
import { auditActionLabels, auditSubject } from '../delegation-text.ts';
import { errorAlert, retryAlert } from '../error-messages.ts';
import { msg, str } from '../localize.ts';
import { formatNumber, plural } from '../numbers.ts';
import { loadMoreControls, PagedList, type PageLoader } from '../paged-list.ts';
import { saveFile } from '../save-file.ts';

/** The element's pages of audit entries (a new filter or session starts again from the first page). */
export const auditPages = <A extends readonly unknown[]>(host: ReactiveControllerHost, args: () => A, load: PageLoader<A, AuditEntryView>) =>
  new PagedList<AuditEntryView, A>(host, args, load);

export interface AuditLogView {
  audit: PagedList<AuditEntryView, readonly unknown[]>;
  partners: PartnerListItem[];
  /** The partner filter (`''`: all). */
  partnerId: string;
  onPartner: (partnerId: string) => void;
  /** The CSV is being prepared. */
  preparing: boolean;
  onDownload: () => void;
  /** Why the last download failed. */
  csvError: unknown;
}

/** Saves the log (for one partner, or all) as a CSV file named in the reader's language. */
export async function downloadAuditCsv(client: ApiClient, partnerId: string) {
  const name = msg('partner-activity', { desc: 'file name' });
  saveFile(await client.auditCsv(null, partnerId ? { partnerId } : {}), `${name}-${today()}.csv`);
}

/** The log's card; its heading has the id `audit-title`. */
export function auditLog(v: AuditLogView): TemplateResult {
  const { audit, partners } = v;
  const { status, error } = audit.first;
  const loaded = status === TaskStatus.COMPLETE;
  const count = audit.items.length;
  const n = formatNumber(count);
  const summary = !count
    ? msg('No activity yet.')
    : audit.nextCursor
      ? plural(count, { one: () => msg(str`${n} entry, more to load.`), other: () => msg(str`${n} entries, more to load.`) })
      : plural(count, { one: () => msg(str`${n} entry.`), other: () => msg(str`${n} entries.`) });
  return html`
    <section part="card audit" aria-labelledby="audit-title">
      <div part="header">
        <h2 id="audit-title" part="title">${msg('Partner activity')}</h2>
        ${busyButton('download', msg('Download CSV'), v.preparing && msg('Preparing…'), v.onDownload)}
      </div>
      <p part="intro">${msg('What partners did in your company, and every change to their access, newest first.')}</p>
      ${partners.length > 1
        ? html`
            <div part="filters">
              <div part="field">
                <label part="label" for="audit-partner">${msg('Partner')}</label>
                <select part="input" id="audit-partner" @change=${(e: Event) => v.onPartner((e.target as HTMLSelectElement).value)}>
                  <option value="" ?selected=${!v.partnerId}>${msg('All partners')}</option>
                  ${partners.map((p) => html`<option value=${p.id} ?selected=${v.partnerId === p.id}>${p.name}</option>`)}
                </select>
              </div>
            </div>
          `
        : nothing}
      ${status === TaskStatus.ERROR
        ? retryAlert(error, () => audit.first.run())
        : html`
            ${loaded ? html`<p part="status" role="status">${summary}</p>` : loadingLine(msg('Loading activity…'))}
            ${count
              ? html`<ol part="entries" aria-labelledby="audit-title" aria-busy=${loaded ? 'false' : 'true'}>${audit.items.map(auditEntry)}</ol>`
              : nothing}
            ${errorAlert(v.csvError)} ${loadMoreControls(audit)}
          `}
    </section>
  `;
}

function auditEntry(e: AuditEntryView): TemplateResult {
  const detail = auditSubject(e);
  const actor = e.actor ? `${e.actor.name ?? ''}${e.actor.email ? ` (${e.actor.email})` : ''}` : msg('automatically');
  return html`
    <li part="entry">
      <time part="time" datetime=${e.at}>${formatDateTime(e.at)}</time>
      <p>
        <span part="action">${auditActionLabels[e.action] ?? e.action}</span>
        ${detail ? html`<span part="target">${detail}</span>` : nothing}
        ${e.outcome === 'success' ? nothing : html`<span part="badge ${e.outcome}">${e.outcome === 'denied' ? msg('Refused') : msg('Failed')}</span>`}
      </p>
      <p part="who">${e.partner.name ?? msg('A partner')} · ${actor}</p>
    </li>
  `;
}
