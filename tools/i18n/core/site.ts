/**
 * Whole-site check over in-memory contents. The CLI reads the files and calls
 * `checkSite`; nothing here touches the file system.
 */
import { checkCodeJson, parseCodeJson } from './codeJson';
import { comparePages, parseTarget } from './comparePage';
import { parsePage, type PageModel } from './markdown';
import { codeJsonFile, manifestFile, snapshotFile, sourceFile, SOURCE_LOCALE, translatedFile } from './paths';
import { defaultSeverity } from './rules';
import { freshness, parseManifest } from './sync';
import { sourceHash } from './text';
import type { Finding, PageFinding, RuleId } from './types';

export interface SiteLocaleInput {
  locale: string;
  /** doc path (relative to docs/) -> translated text */
  pages: ReadonlyMap<string, string>;
  /** Text of i18n/<locale>/translation-sync.json, null when absent. */
  manifestText?: string | null;
  /** Text of i18n/<locale>/code.json, null when absent. */
  codeJsonText?: string | null;
}

export interface SiteInput {
  /** doc path -> English text */
  sourcePages: ReadonlyMap<string, string>;
  locales: readonly SiteLocaleInput[];
  /** Text of i18n/en/code.json (English UI messages); null/undefined: UI strings are skipped with a warning. */
  sourceCodeJsonText?: string | null;
  /** Snapshot lookup: text of i18n/.source-snapshots/<hash>.md. */
  snapshot?: (hash: string) => string | undefined;
  /** 'mdx' (Docusaurus default): .md and .mdx are MDX; 'detect': only .mdx is MDX. */
  markdownFormat?: 'mdx' | 'detect';
  /** Run the language detector (default true). */
  language?: boolean;
  /** Check code.json files (default true). */
  uiStrings?: boolean;
  /**
   * Accept the classic `{#id}` heading ids (default true). Docusaurus only compiles them when
   * `markdown.mdx1Compat.headingIds` is on, which `future.v4: true` turns off: pass false there,
   * and `{#id}` is then reported as an MDX syntax error. `{/* #id *\/}` works in both cases.
   */
  classicHeadingIds?: boolean;
}

export function checkSite(input: SiteInput): Finding[] {
  const findings: Finding[] = [];
  const sourceModels = new Map<string, PageModel>();
  const sourceHashes = new Map<string, string>();
  const isMdx = (p: string): boolean => (input.markdownFormat ?? 'mdx') === 'mdx' || /\.mdx$/i.test(p);
  const sourceModel = (docPath: string, text: string): PageModel => {
    let m = sourceModels.get(docPath);
    if (!m) {
      m = parsePage(text, { mdx: isMdx(docPath), classicHeadingIds: input.classicHeadingIds ?? true });
      sourceModels.set(docPath, m);
    }
    return m;
  };
  const push = (file: string, locale: string, f: PageFinding, docPath?: string): void => {
    findings.push({
      file,
      line: f.line,
      locale,
      rule: f.rule,
      severity: f.severity ?? defaultSeverity(f.rule),
      message: f.message,
      ...(docPath !== undefined ? { docPath } : {}),
      ...(f.diff !== undefined ? { diff: f.diff } : {}),
    });
  };
  const simple = (rule: RuleId, line: number, message: string, extra: Partial<PageFinding> = {}): PageFinding => ({ rule, line, message, severity: defaultSeverity(rule), ...extra });

  let sourceCodeJson: ReturnType<typeof parseCodeJson> | undefined;
  const uiStrings = input.uiStrings ?? true;
  if (uiStrings) {
    if (input.sourceCodeJsonText == null) {
      push(codeJsonFile(SOURCE_LOCALE), SOURCE_LOCALE, simple('ui-source-missing', 1, `${codeJsonFile(SOURCE_LOCALE)} not found: UI strings (code.json) were not checked; generate it with \`npm run write-translations -- --locale en\``));
    } else {
      sourceCodeJson = parseCodeJson(input.sourceCodeJsonText);
      for (const p of sourceCodeJson.problems) push(codeJsonFile(SOURCE_LOCALE), SOURCE_LOCALE, simple('ui-malformed', p.line, p.message));
    }
  }

  for (const loc of input.locales) {
    const { manifest, problems } = parseManifest(loc.manifestText);
    for (const p of problems) push(manifestFile(loc.locale), loc.locale, simple('sync-manifest', p.line, p.message));

    for (const docPath of [...loc.pages.keys()].sort()) {
      const file = translatedFile(loc.locale, docPath);
      const text = loc.pages.get(docPath) as string;
      const src = input.sourcePages.get(docPath);
      if (src === undefined) {
        const other = docPath.replace(/\.mdx?$/i, (e) => (e.toLowerCase() === '.md' ? '.mdx' : '.md'));
        const hint = input.sourcePages.has(other) ? ` (the English page is ${sourceFile(other)}: use the same extension)` : ' (renamed or deleted?)';
        push(file, loc.locale, simple('orphan', 1, `no English source ${sourceFile(docPath)}${hint}`), docPath);
        continue;
      }
      const entry = manifest.pages[docPath];
      let hash = sourceHashes.get(docPath);
      if (entry && hash === undefined) {
        hash = sourceHash(src);
        sourceHashes.set(docPath, hash);
      }
      const stale = entry !== undefined && hash !== entry.sourceHash;
      const fr = freshness(src, entry, stale ? input.snapshot?.(entry.sourceHash) : undefined, docPath, hash);
      if (fr.state === 'unsynced') {
        push(file, loc.locale, simple('sync-missing', 1, `no sync marker in ${manifestFile(loc.locale)}; once the page matches the English one run \`npm run i18n:sync -- ${docPath} --locale ${loc.locale}\``), docPath);
      } else if (fr.state === 'stale') {
        const msg = `the English page changed since the sync of ${fr.entry.syncedAt} (${fr.entry.sourceHash} -> ${fr.currentHash})`
          + (fr.diff !== undefined ? '; changes:' : `; no snapshot ${snapshotFile(fr.entry.sourceHash)}, compare with \`git log -p ${sourceFile(docPath)}\``);
        push(file, loc.locale, simple('stale', 1, msg, fr.diff !== undefined ? { diff: fr.diff } : {}), docPath);
      }
      const mdx = isMdx(docPath);
      const sm = sourceModel(docPath, src);
      const tm = parseTarget(text, sm, mdx, input.classicHeadingIds ?? true);
      for (const f of comparePages(sm, tm, { locale: loc.locale, language: input.language ?? true })) push(file, loc.locale, f, docPath);
    }

    if (uiStrings && sourceCodeJson) {
      if (loc.codeJsonText == null) {
        push(codeJsonFile(loc.locale), loc.locale, simple('ui-file-missing', 1, `${codeJsonFile(loc.locale)} not found; run \`npm run write-translations -- --locale ${loc.locale}\``));
      } else {
        for (const f of checkCodeJson({
          locale: loc.locale,
          source: sourceCodeJson.map,
          target: loc.codeJsonText,
          syncedHashes: manifest.codeJson,
        })) push(codeJsonFile(loc.locale), loc.locale, f);
      }
    }
  }
  return sortFindings(findings);
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)));
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
