/**
 * Snippet generators: one pure target per language, all fed the same
 * NormalizedRequest. Browser-safe, no dependencies.
 */
import type { NormalizedRequest } from '../api/types';
import { target as curl } from './targets/curl';
import { target as javascript } from './targets/javascript';
import { target as python } from './targets/python';
import { target as node } from './targets/node';
import { target as php } from './targets/php';
import { target as ruby } from './targets/ruby';
import { target as go } from './targets/go';
import { target as java } from './targets/java';
import { target as csharp } from './targets/csharp';

export type { SnippetTarget } from './types';

export const targets = { curl, javascript, python, node, php, ruby, go, java, csharp } as const;

export type TargetId = keyof typeof targets;

/** Target ids in tab order. */
export const targetIds: TargetId[] = ['curl', 'javascript', 'python', 'node', 'php', 'ruby', 'go', 'java', 'csharp'];

export function generateSnippet(id: TargetId, req: NormalizedRequest): string {
  return targets[id].convert(req);
}
