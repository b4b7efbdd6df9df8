import type { NormalizedRequest } from '../api/types';

/** One snippet language: `convert` is pure and returns the complete program or command. */
export interface SnippetTarget<Id extends string = string> {
  /** Registry key, file name and tab value. */
  id: Id;
  /** Tab label. */
  label: string;
  /** Prism language id used to highlight the snippet. */
  language: string;
  convert(req: NormalizedRequest): string;
}
