/**
 * How every widget shows a failed request: the BFF's message in an alert region, and its
 * `details` beside the form fields they name (`body.email` → the email field).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ApiRequestError } from './api/client.ts';
import { busyButton } from './busy.ts';
import { getLocale, localizeRuntime, msg } from './localize.ts';

/** What a person reads for a failed request, in the current language. */
export function errorText(error: unknown): string {
  const apiError = toApiError(error);
  // The texts for error codes come with the runtime, which a language other than English loads.
  return (getLocale() !== 'en' && localizeRuntime()?.codeMessages[apiError.code]?.()) || apiError.message;
}

/** Any thrown thing as an `ApiRequestError`, so one alert shows every failure. */
export function toApiError(error: unknown): ApiRequestError {
  if (error instanceof ApiRequestError) return error;
  return new ApiRequestError(0, 'client_error', error instanceof Error ? error.message : String(error));
}

/** Messages per form field: each detail's `path` goes through `fieldOf` to a field id (or nowhere). */
export function fieldMessages(error: unknown, fieldOf: (path: string) => string | undefined): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  if (!(error instanceof ApiRequestError)) return byField;
  for (const detail of error.details) {
    const field = fieldOf(detail.path);
    if (field) byField.set(field, [...(byField.get(field) ?? []), detail.message]);
  }
  return byField;
}

/**
 * The alert region: the message and the details no field shows. It stays in the DOM (empty when
 * all is well), so screen readers announce a message when it arrives.
 */
export function errorAlert(error: unknown, fieldOf: (path: string) => string | undefined = () => undefined): TemplateResult {
  // A 403's `permission` detail repeats, for programs, what its message already says to people.
  const other = error instanceof ApiRequestError ? error.details.filter((d) => d.path !== 'permission' && !fieldOf(d.path)) : [];
  return html`<div part="error" role="alert" class=${error ? 'shown' : ''}>${error
    ? html`${errorText(error)}${other.length ? html`<ul>${other.map((d) => html`<li>${d.message}</li>`)}</ul>` : nothing}`
    : nothing}</div>`;
}

/** A request that failed where its content would be: the alert, and "Try again" (`part="button <part>"`) that runs it again. */
export function retryAlert(error: unknown, retry: () => unknown, part = ''): TemplateResult {
  return html`${errorAlert(error)}<div part="actions">${busyButton(part, msg('Try again'), null, retry)}</div>`;
}
