/** Timestamps as the spec writes them: ISO 8601, UTC, whole seconds, `Z` (2024-11-22T20:29:43Z). */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
