/** Shared types of the translation checker. The core is pure: no file system, no process access. */
import type { RuleId } from './rules';
import type { RuleFinding, Severity } from './rules/rule';

export type { RuleId } from './rules';
export type { Severity } from './rules/rule';

export interface Finding {
  /** File relative to the site root, POSIX separators. */
  file: string;
  /** 1-based line in `file`. */
  line: number;
  locale: string;
  rule: RuleId;
  severity: Severity;
  message: string;
  /** Doc path relative to docs/ when the finding is about a page. */
  docPath?: string;
  /** Unified diff of the English source (stale findings). */
  diff?: string;
}

/** A finding before the site layer has attached file/locale. */
export type PageFinding = RuleFinding<RuleId>;
