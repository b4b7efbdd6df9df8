import { describe, expect, it } from 'vitest';
import { DEFAULT_SECTIONS, parseBenchArgs } from './args';

describe('parseBenchArgs', () => {
  it('runs every section but budgets, a quick Lighthouse pass and its own build by default', () => {
    expect(parseBenchArgs([])).toEqual({ sections: [...DEFAULT_SECTIONS], buildDir: undefined, lighthouseFull: false });
    expect(DEFAULT_SECTIONS).not.toContain('budgets');
  });
  it('takes --only as a list or repeated, in the sections’ own order, each once', () => {
    expect(parseBenchArgs(['--only', 'lighthouse']).sections).toEqual(['lighthouse']);
    expect(parseBenchArgs(['--only', 'budgets,search', '--only', 'search']).sections).toEqual(['search', 'budgets']);
    expect(parseBenchArgs(['--only=lighthouse']).sections).toEqual(['lighthouse']);
  });
  it('takes a build folder and the full Lighthouse set', () => {
    expect(parseBenchArgs(['--only', 'lighthouse', '--build-dir', 'build-x', '--lighthouse-full'])).toEqual({
      sections: ['lighthouse'],
      buildDir: 'build-x',
      lighthouseFull: true,
    });
  });
  it('refuses unknown sections, flags and stray words, with the usage', () => {
    expect(() => parseBenchArgs(['--only', 'speed'])).toThrow(/Unknown section "speed".*\n.*Usage/s);
    expect(() => parseBenchArgs(['--full'])).toThrow(/Usage/);
    expect(() => parseBenchArgs(['lighthouse'])).toThrow(/Usage/);
    expect(() => parseBenchArgs(['--build-dir', ' '])).toThrow(/--build-dir needs a folder/);
  });
});
