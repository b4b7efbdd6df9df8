/**
 * The Try it panel's rules that are not about one field: which issue a field
 * shows, the Retry-After wait after a 429, the timeout's bounds, the send
 * shortcut and the share link's URL. Pure: the panel's hook supplies the clock,
 * the location and the events.
 */
import type { ValidationIssue } from './validate';
import { headerValue, retryAfterSeconds, type Outcome } from './send';

/** The timeout field's bounds, in seconds. */
export const MIN_TIMEOUT_SECONDS = 1;
export const MAX_TIMEOUT_SECONDS = 300;

/**
 * The issue a field shows: an unsafe character or an invalid key (live, shown while
 * the values hold it) first, else what the last send attempt found.
 */
export function fieldIssue(
  live: readonly ValidationIssue[],
  sent: readonly ValidationIssue[],
  field: string,
): ValidationIssue | undefined {
  return live.find((issue) => issue.field === field) ?? sent.find((issue) => issue.field === field);
}

/** The issues without those of `field` (the same array when it has none, so state does not change). */
export function withoutField(issues: ValidationIssue[], field: string): ValidationIssue[] {
  return issues.some((issue) => issue.field === field) ? issues.filter((issue) => issue.field !== field) : issues;
}

/** After a 429, how long to wait before sending again: Retry-After, or 1 s without one; undefined otherwise. */
export function retryDelaySeconds(outcome: Outcome): number | undefined {
  if (outcome.kind !== 'response' || outcome.status !== 429) return undefined;
  return retryAfterSeconds(headerValue(outcome.headers, 'retry-after')) ?? 1;
}

/** Whole seconds left until `untilMs` (0 once it has passed). */
export function secondsLeft(untilMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((untilMs - nowMs) / 1000));
}

/** The timeout field's value kept within its bounds; anything that is not a positive number becomes the minimum. */
export function clampTimeoutSeconds(input: string | number): number {
  return Math.min(MAX_TIMEOUT_SECONDS, Math.max(MIN_TIMEOUT_SECONDS, Number(input) || MIN_TIMEOUT_SECONDS));
}

/** Ctrl+Enter, or ⌘+Enter on a Mac, sends from any field. */
export function isSendShortcut(event: { key: string; ctrlKey: boolean; metaKey: boolean }): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey);
}

/** The page's URL with a share query (from `encodeShare`): same page and anchor, never the API key. */
export function shareUrl(location: { origin: string; pathname: string; hash: string }, shareQuery: string): string {
  return `${location.origin}${location.pathname}?${shareQuery}${location.hash}`;
}
