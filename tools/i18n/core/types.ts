/** Shared types of the translation checker. The core is pure: no file system, no process access. */

export type Severity = 'error' | 'warning';

export type RuleId =
  | 'frontmatter-stray-text'
  | 'frontmatter-invalid'
  | 'frontmatter-keys'
  | 'frontmatter-value'
  | 'mdx-syntax'
  | 'mdx-imports'
  | 'jsx-components'
  | 'jsx-props'
  | 'code-block-count'
  | 'code-block-lang'
  | 'code-json'
  | 'code-content'
  | 'inline-code'
  | 'table-count'
  | 'table-shape'
  | 'table-row-malformed'
  | 'table-first-column'
  | 'table-type-column'
  | 'heading-structure'
  | 'heading-endpoint'
  | 'link-targets'
  | 'link-anchor'
  | 'admonitions'
  | 'language'
  | 'sync-missing'
  | 'stale'
  | 'orphan'
  | 'sync-manifest'
  | 'ui-source-missing'
  | 'ui-file-missing'
  | 'ui-malformed'
  | 'ui-missing-key'
  | 'ui-orphan-key'
  | 'ui-placeholders'
  | 'ui-plural'
  | 'ui-stale'
  | 'ui-sync-missing';

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
export interface PageFinding {
  line: number;
  rule: RuleId;
  message: string;
  severity?: Severity;
  diff?: string;
}
