import { describe, expect, it } from 'vitest';
import {
  GOAL,
  baselineOf,
  figuresFromLhr,
  formatFigure,
  lighthousePlan,
  median,
  medianFigures,
  roundCls,
  verdict,
  verdictLine,
  type LighthouseFigures,
} from './goal';

const good: LighthouseFigures = { performance: 95, accessibility: 100, bestPractices: 100, seo: 100, tbtMs: 300, lcpMs: 1800, cls: 0, domSize: 900 };
const home: LighthouseFigures = { ...good, tbtMs: 264 };

describe('median', () => {
  it('takes the middle value of an odd count, whatever the order', () => {
    expect(median([740, 264, 617])).toBe(617);
    expect(median([5])).toBe(5);
  });
  it('takes the mean of the middle two of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('leaves NaN out and is NaN for no value', () => {
    expect(median([NaN, 3, 1])).toBe(2);
    expect(median([])).toBeNaN();
    expect(median([NaN])).toBeNaN();
  });
  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('medianFigures', () => {
  it('takes each figure’s median separately', () => {
    const runs = [
      { ...good, performance: 80, tbtMs: 700 },
      { ...good, performance: 90, tbtMs: 500 },
      { ...good, performance: 85, tbtMs: 900 },
    ];
    expect(medianFigures(runs)).toMatchObject({ performance: 85, tbtMs: 700, domSize: 900 });
  });
});

describe('verdict against the goal', () => {
  it('passes a page within every part of the goal', () => {
    expect(verdict({ ...good, tbtMs: 1.5 * 264 }, home)).toEqual({ meets: true, misses: [] });
  });
  it('fails TBT above 1.5 × the baseline of the same run, naming both figures', () => {
    const v = verdict({ ...good, tbtMs: 617 }, home, 'home (en)');
    expect(v.meets).toBe(false);
    expect(v.misses).toEqual(['TBT 617 ms > 1.5 × home (en) 264 ms = 396 ms']);
  });
  it('fails performance under 90, and any of accessibility, best practices, SEO under 100', () => {
    const v = verdict({ ...good, performance: 89, accessibility: 98, bestPractices: 96, seo: 92 }, home);
    expect(v.misses).toEqual(['performance 89 < 90', 'accessibility 98 < 100', 'best practices 96 < 100', 'SEO 92 < 100']);
  });
  it('fails a CLS Lighthouse would report as more than 0, not one it rounds to 0', () => {
    expect(verdict({ ...good, cls: 0.0004 }, home).meets).toBe(true);
    expect(verdict({ ...good, cls: 0.002 }, home).misses).toEqual(['CLS 0.002 > 0']);
  });
  it('fails, rather than passes, a figure Lighthouse did not give', () => {
    expect(verdict({ ...good, performance: NaN }, home).meets).toBe(false);
    expect(verdict({ ...good, tbtMs: NaN }, home).meets).toBe(false);
    expect(verdict({ ...good, cls: NaN }, home).misses).toEqual(['CLS unknown > 0']);
  });
  it('fails without a baseline to compare with', () => {
    expect(verdict(good, undefined).misses).toEqual(['no home TBT to compare with']);
    expect(verdict(good, { ...home, tbtMs: NaN }).meets).toBe(false);
  });
  it('takes the goal as a parameter', () => {
    expect(verdict({ ...good, tbtMs: 500 }, home, 'home', { ...GOAL, tbtFactor: 2 }).meets).toBe(true);
  });
  it('prints one line', () => {
    expect(verdictLine({ meets: true, misses: [] })).toBe('MEETS the goal');
    expect(verdictLine({ meets: false, misses: ['a', 'b'] })).toBe('MISSES the goal: a; b');
  });
});

describe('figuresFromLhr', () => {
  it('reads scores as 0-100 and the metrics’ numeric values', () => {
    const lhr = {
      categories: { performance: { score: 0.83 }, accessibility: { score: 1 }, 'best-practices': { score: 1 }, seo: { score: null } },
      audits: {
        'total-blocking-time': { numericValue: 617.4 },
        'largest-contentful-paint': { numericValue: 2100 },
        'cumulative-layout-shift': { numericValue: 0 },
        'dom-size': { numericValue: 2433 },
      },
    };
    expect(figuresFromLhr(lhr)).toEqual({ performance: 83, accessibility: 100, bestPractices: 100, seo: NaN, tbtMs: 617.4, lcpMs: 2100, cls: 0, domSize: 2433 });
  });
});

describe('formatFigure', () => {
  it('prints thousands, CLS to three decimals, and a dash for no figure', () => {
    expect(formatFigure('domSize', 2433)).toBe('2,433');
    expect(formatFigure('cls', 0.12345)).toBe('0.123');
    expect(roundCls(0.0004)).toBe(0);
    expect(formatFigure('tbtMs', NaN)).toBe('-');
  });
});

describe('lighthousePlan', () => {
  const locales = ['en', 'it', 'es', 'pt'];
  it('full: the five pages in every locale, with locale prefixes', () => {
    const plan = lighthousePlan(true, locales, 'en');
    expect(plan).toHaveLength(20);
    expect(plan.filter((p) => p.baseline).map((p) => p.path)).toEqual(['/', '/it/', '/es/', '/pt/']);
    expect(plan.map((p) => p.path)).toContain('/it/api/reference/messages_api/post_messages');
    expect(plan.map((p) => p.path)).toContain('/api/reference/contacts_api/get_contacts');
    expect(new Set(plan.map((p) => p.id)).size).toBe(20);
  });
  it('quick: each page once, the home page in the default locale, the others taking the locales in turn', () => {
    const plan = lighthousePlan(false, locales, 'en');
    expect(plan.map((p) => `${p.name} ${p.path}`)).toEqual([
      'home /',
      'GET /contacts /api/reference/contacts_api/get_contacts',
      'POST /messages/send /it/api/reference/messages_api/post_messages',
      'Contact object /es/api/reference/object_types/contact',
      'Pagination guide /pt/api/pagination',
    ]);
  });
  it('follows the locale list it is given', () => {
    expect(lighthousePlan(true, ['en', 'fr'], 'en').map((p) => p.locale)).toEqual(['en', 'en', 'en', 'en', 'en', 'fr', 'fr', 'fr', 'fr', 'fr']);
  });
  it('takes the home page of the same locale as the baseline, else the default locale’s', () => {
    const full = lighthousePlan(true, locales, 'en');
    const itPage = full.find((p) => p.id === 'get-contacts@it')!;
    expect(baselineOf(itPage, full, 'en')?.id).toBe('home@it');
    const quick = lighthousePlan(false, locales, 'en');
    expect(baselineOf(quick[3]!, quick, 'en')?.id).toBe('home@en');
  });
});
