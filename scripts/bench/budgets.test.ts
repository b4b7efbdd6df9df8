import { describe, expect, it } from 'vitest';
import { budgetFailures, budgetsSource, suggestBudgets, suggestedBudget, type PageFigures } from './budgets';

const figures: PageFigures = { domElements: 2431, firstLoadJsBytes: 120_000, pageDataBytes: 3603 };

describe('budgetFailures', () => {
  it('is empty when every figure is at or under its budget', () => {
    expect(budgetFailures('GET /contacts', 'it', figures, figures)).toEqual([]);
  });
  it('names the page, the locale and each figure over its budget against the budget', () => {
    expect(budgetFailures('GET /contacts', 'it', figures, { domElements: 1800, firstLoadJsBytes: 119_999, pageDataBytes: 4000 })).toEqual([
      'GET /contacts (it): 2,431 DOM elements, budget 1,800',
      'GET /contacts (it): 120,000 bytes of first-load JavaScript (gzip), budget 119,999',
    ]);
  });
  it('fails a figure that could not be measured', () => {
    expect(budgetFailures('x', 'en', { ...figures, domElements: NaN }, { ...figures })).toHaveLength(1);
  });
});

describe('suggestedBudget', () => {
  it('is the largest figure of the locales plus 10 %, rounded up', () => {
    expect(suggestedBudget([2000, 2431, 2100])).toBe(2675);
    expect(suggestedBudget([0])).toBe(0);
    expect(suggestedBudget([100], 0.2)).toBe(120);
  });
  it('refuses no figure or a figure that is not a number', () => {
    expect(() => suggestedBudget([])).toThrow();
    expect(() => suggestedBudget([1, NaN])).toThrow();
  });
});

describe('suggestBudgets and budgetsSource', () => {
  it('make one entry per page from its figures in every locale, as source for e2e/budgets.ts', () => {
    const budgets = suggestBudgets(
      [{ name: 'GET /contacts', path: '/api/reference/contacts_api/get_contacts' }, { name: 'not measured', path: '/x' }],
      [
        { name: 'GET /contacts', figures },
        { name: 'GET /contacts', figures: { domElements: 2000, firstLoadJsBytes: 130_000, pageDataBytes: 3700 } },
      ],
    );
    expect(budgets).toEqual({
      'GET /contacts': { path: '/api/reference/contacts_api/get_contacts', domElements: 2675, firstLoadJsBytes: 143_000, pageDataBytes: 4070 },
    });
    expect(budgetsSource(budgets)).toBe(
      "{\n  'GET /contacts': { path: '/api/reference/contacts_api/get_contacts', domElements: 2675, firstLoadJsBytes: 143000, pageDataBytes: 4070 },\n}",
    );
  });
});
