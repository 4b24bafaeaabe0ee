/**
 * The overview's two charts, drawn as SVG by hand (a chart library would not fit the size
 * budget): each is one image with a name and a summary for screen readers, and a table of the
 * same numbers for anyone who wants them exactly.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { OverviewView } from '../api/client.ts';
import { formatDate } from '../dates.ts';
import { msg, str } from '../localize.ts';
import { formatNumber, plural } from '../numbers.ts';

type Series = NonNullable<OverviewView['series']>;

function chart(id: string, title: string, summary: string, image: TemplateResult | typeof nothing, head: [string, string], rows: [string, number][]) {
  return html`
    <figure part="chart" aria-labelledby="${id}-title">
      <figcaption part="chart-title" id="${id}-title">${title}</figcaption>
      <p part="chart-summary" id="${id}-summary">${summary}</p>
      ${image}
      <details part="chart-table">
        <summary>${msg('Show the numbers')}</summary>
        <table>
          <thead><tr><th scope="col">${head[0]}</th><th scope="col">${head[1]}</th></tr></thead>
          <tbody>${rows.map(([label, n]) => html`<tr><th scope="row">${label}</th><td>${formatNumber(n)}</td></tr>`)}</tbody>
        </table>
      </details>
    </figure>
  `;
}

/** Sign-ups per week as 12 vertical bars, oldest first. */
export function signupChart(weeks: Series['signupsPerWeek']): TemplateResult {
  const max = Math.max(1, ...weeks.map((w) => w.signups));
  const total = weeks.reduce((sum, w) => sum + w.signups, 0);
  const busiest = weeks.reduce((best, w) => (w.signups > best.signups ? w : best), weeks[0] ?? { week: '', signups: 0 });
  // Always several weeks (12), so no singular.
  const n = formatNumber(weeks.length);
  const summary = total
    ? msg(str`${formatNumber(total)} in ${n} weeks; most in the week of ${formatDate(busiest.week)} (${formatNumber(busiest.signups)}).`)
    : msg(str`No sign-ups in the last ${n} weeks.`);
  const image = html`
    <svg part="bars" role="img" aria-labelledby="signups-title" aria-describedby="signups-summary" viewBox="0 0 ${weeks.length * 10} 50" preserveAspectRatio="none">
      ${weeks.map((w, i) => {
        const height = (w.signups / max) * 48;
        return svg`<rect x=${i * 10 + 1.5} y=${50 - height} width="7" height=${height} rx="1"></rect>`;
      })}
    </svg>
    <div part="chart-axis" aria-hidden="true"><span>${weeks[0] ? formatDate(weeks[0].week) : ''}</span><span>${msg('This week')}</span></div>
  `;
  return chart('signups', msg('Sign-ups per week'), summary, image, [msg('Week of'), msg('Sign-ups')], weeks.map((w) => [formatDate(w.week), w.signups]));
}

/** Redemptions of the offers redeemed most, as horizontal bars. */
export function redemptionChart(offers: Series['redemptionsPerOffer']): TemplateResult {
  const max = Math.max(1, ...offers.map((o) => o.redemptions));
  const name = (o: Series['redemptionsPerOffer'][number]) => o.name ?? (o.kind === 'trial' ? msg('Trial invitation') : msg('Purchase offer'));
  const first = offers[0];
  const [leader, most] = first ? [name(first), formatNumber(first.redemptions)] : [];
  const summary = first
    ? plural(offers.length, {
        one: () => msg(str`One offer; ${leader} leads with ${most}.`),
        other: () => msg(str`${formatNumber(offers.length)} offers; ${leader} leads with ${most}.`),
      })
    : msg('No offer was redeemed in the last 90 days.');
  const image = offers.length
    ? html`<div part="hbars" role="img" aria-labelledby="redemptions-title" aria-describedby="redemptions-summary">
        ${offers.map(
          (o) => html`<div part="hbar">
            <span part="hbar-label">${name(o)}</span>
            <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect width=${Math.max(1, (o.redemptions / max) * 100)} height="10" rx="1"></rect></svg>
            <span part="hbar-value">${formatNumber(o.redemptions)}</span>
          </div>`,
        )}
      </div>`
    : nothing;
  return chart('redemptions', msg('Redemptions per offer (90 days)'), summary, image, [msg('Offer', { desc: 'noun' }), msg('Redemptions')], offers.map((o) => [name(o), o.redemptions]));
}
