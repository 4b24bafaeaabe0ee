/**
 * Delegation levels in the elements' language: their names (lists and audit entries carry only a
 * level's id) and what each lets the partner do, which the consent page, the sign-up widget and
 * the offer builder show. The BFF's catalogue describes them in English; for a level not known
 * here its own text shows.
 */
import { msg } from './localize.ts';

const texts: Record<string, readonly [name: () => string, description: () => string]> = {
  full: [() => msg('Full administration'), () => msg('The partner may act as your global admin: manage users, subscriptions, service requests and company information.')],
  limited: [
    () => msg('Limited administration'),
    () => msg('The partner may act as your password admin: read users, reset passwords of non-admin users, open service requests.'),
  ],
};

/** A level's name, e.g. "Full administration"; `''` for anything else. */
export const levelLabel = (level: unknown): string => (typeof level === 'string' && texts[level]?.[0]()) || '';

/** What the level lets the partner do; `fallback` (the catalogue's description) for a level not known here. */
export const levelDescription = (level: string, fallback: string): string => texts[level]?.[1]() ?? fallback;
