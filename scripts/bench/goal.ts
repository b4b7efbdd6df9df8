/**
 * The Lighthouse side of `npm run bench`, pure: which pages it measures, the figures it
 * reads from a Lighthouse result, their median over runs, and the verdict of a page
 * against the goal of issue 16 (an endpoint page costs the browser no more than a plain
 * page). No I/O: ./lighthouse.mts runs Lighthouse and prints; ./goal.test.ts covers this.
 */

export interface Goal {
  /** TBT at most this many times the baseline's TBT. */
  tbtFactor: number;
  minPerformance: number;
  /** Accessibility, best practices and SEO. */
  fullScore: number;
}

/** The goal each page is held to (CLS 0 as well); the baseline is the home page of the same run. */
export const GOAL: Readonly<Goal> = { tbtFactor: 1.5, minPerformance: 90, fullScore: 100 };

/** A page the Lighthouse section measures, in one locale. */
export interface LighthousePage {
  /** Stable id for the JSON summary: `<page>@<locale>`. */
  id: string;
  /** What a reader calls the page ("GET /contacts"). */
  name: string;
  locale: string;
  /** URL path, locale prefix included. */
  path: string;
  /** True for the home page, the baseline of its locale. */
  baseline: boolean;
}

/** The pages of the issue, path without the locale prefix; the first is the baseline. */
export const LIGHTHOUSE_PAGES = [
  { key: 'home', name: 'home', path: '/' },
  { key: 'get-contacts', name: 'GET /contacts', path: '/api/reference/contacts_api/get_contacts' },
  { key: 'post-messages', name: 'POST /messages/send', path: '/api/reference/messages_api/post_messages' },
  { key: 'contact-object', name: 'Contact object', path: '/api/reference/object_types/contact' },
  { key: 'pagination-guide', name: 'Pagination guide', path: '/api/pagination' },
] as const;

/** `''` for the default locale, `/<code>` for the others. */
export function prefixOf(locale: string, defaultLocale: string): string {
  return locale === defaultLocale ? '' : `/${locale}`;
}

function withLocale(path: string, locale: string, defaultLocale: string): string {
  const prefix = prefixOf(locale, defaultLocale);
  return path === '/' ? `${prefix}/` : `${prefix}${path}`;
}

/**
 * The pages to measure. Full: every page in every locale. Quick: every page once, the home
 * page in the default locale and the others taking the locales in turn (GET /contacts in
 * the default locale, POST /messages/send in the next, and so on), so each locale is seen.
 */
export function lighthousePlan(full: boolean, locales: readonly string[], defaultLocale: string): LighthousePage[] {
  const make = (page: (typeof LIGHTHOUSE_PAGES)[number], locale: string): LighthousePage => ({
    id: `${page.key}@${locale}`,
    name: page.name,
    locale,
    path: withLocale(page.path, locale, defaultLocale),
    baseline: page.key === 'home',
  });
  if (full) return locales.flatMap((locale) => LIGHTHOUSE_PAGES.map((page) => make(page, locale)));
  return LIGHTHOUSE_PAGES.map((page, i) => make(page, i === 0 ? defaultLocale : (locales[(i - 1) % locales.length] ?? defaultLocale)));
}

/** The baseline of a page: the home page of its locale when the plan has it, else the default locale's. */
export function baselineOf(page: LighthousePage, plan: readonly LighthousePage[], defaultLocale: string): LighthousePage | undefined {
  return plan.find((p) => p.baseline && p.locale === page.locale) ?? plan.find((p) => p.baseline && p.locale === defaultLocale);
}

/** What one Lighthouse run (or the median of several) says about a page. Scores 0-100; NaN when Lighthouse gave none. */
export interface LighthouseFigures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  tbtMs: number;
  lcpMs: number;
  cls: number;
  domSize: number;
}

export const FIGURE_LABELS: ReadonlyArray<[keyof LighthouseFigures, string]> = [
  ['performance', 'performance'],
  ['tbtMs', 'TBT (ms)'],
  ['lcpMs', 'LCP (ms)'],
  ['cls', 'CLS'],
  ['domSize', 'DOM elements'],
  ['accessibility', 'accessibility'],
  ['bestPractices', 'best practices'],
  ['seo', 'SEO'],
];

/** The parts of a Lighthouse result (LH.Result) the bench reads. */
export interface LhrLike {
  categories: Record<string, { score: number | null } | undefined>;
  audits: Record<string, { numericValue?: number } | undefined>;
}

const score = (lhr: LhrLike, id: string): number => {
  const s = lhr.categories[id]?.score;
  return typeof s === 'number' ? Math.round(s * 100) : NaN;
};
const numeric = (lhr: LhrLike, id: string): number => lhr.audits[id]?.numericValue ?? NaN;

export function figuresFromLhr(lhr: LhrLike): LighthouseFigures {
  return {
    performance: score(lhr, 'performance'),
    accessibility: score(lhr, 'accessibility'),
    bestPractices: score(lhr, 'best-practices'),
    seo: score(lhr, 'seo'),
    tbtMs: numeric(lhr, 'total-blocking-time'),
    lcpMs: numeric(lhr, 'largest-contentful-paint'),
    cls: numeric(lhr, 'cumulative-layout-shift'),
    domSize: numeric(lhr, 'dom-size'),
  };
}

/** The median (mean of the middle two for an even count); NaN for no value. NaN values are left out. */
export function median(values: readonly number[]): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Each figure's median over the runs, taken separately. */
export function medianFigures(runs: readonly LighthouseFigures[]): LighthouseFigures {
  const m = (key: keyof LighthouseFigures) => median(runs.map((r) => r[key]));
  return {
    performance: m('performance'),
    accessibility: m('accessibility'),
    bestPractices: m('bestPractices'),
    seo: m('seo'),
    tbtMs: m('tbtMs'),
    lcpMs: m('lcpMs'),
    cls: m('cls'),
    domSize: m('domSize'),
  };
}

/**
 * CLS as Lighthouse reports it (three decimals): 0.0004 shows, and counts, as 0. The goal
 * is "no layout shift a reader sees", not a float equal to zero.
 */
export function roundCls(cls: number): number {
  return Math.round(cls * 1000) / 1000;
}

export interface Verdict {
  meets: boolean;
  /** One reason per missed part of the goal, empty when the page meets it. */
  misses: string[];
}

const ms = (v: number) => `${Math.round(v).toLocaleString('en-US')} ms`;

/** A page's figures (medians) against the goal; `baseline` is the home page of the same run. */
export function verdict(page: LighthouseFigures, baseline: LighthouseFigures | undefined, baselineName = 'home', goal: Goal = GOAL): Verdict {
  const misses: string[] = [];
  if (!baseline || Number.isNaN(baseline.tbtMs)) misses.push(`no ${baselineName} TBT to compare with`);
  else if (!(page.tbtMs <= goal.tbtFactor * baseline.tbtMs)) {
    misses.push(`TBT ${ms(page.tbtMs)} > ${goal.tbtFactor} × ${baselineName} ${ms(baseline.tbtMs)} = ${ms(goal.tbtFactor * baseline.tbtMs)}`);
  }
  if (!(page.performance >= goal.minPerformance)) misses.push(`performance ${page.performance} < ${goal.minPerformance}`);
  for (const [key, label] of [['accessibility', 'accessibility'], ['bestPractices', 'best practices'], ['seo', 'SEO']] as const) {
    if (!(page[key] >= goal.fullScore)) misses.push(`${label} ${page[key]} < ${goal.fullScore}`);
  }
  if (!(roundCls(page.cls) === 0)) misses.push(`CLS ${Number.isNaN(page.cls) ? 'unknown' : roundCls(page.cls)} > 0`);
  return { meets: misses.length === 0, misses };
}

/** How a figure prints in the tables. */
export function formatFigure(key: keyof LighthouseFigures, value: number): string {
  if (Number.isNaN(value)) return '-';
  if (key === 'cls') return String(roundCls(value));
  return Math.round(value).toLocaleString('en-US');
}

/** `MEETS the goal` or `MISSES the goal: reason; reason`. */
export function verdictLine(v: Verdict): string {
  return v.meets ? 'MEETS the goal' : `MISSES the goal: ${v.misses.join('; ')}`;
}
