import { describe, expect, it } from 'vitest';
import type { Environment, RequestValues } from '../api/types';
import { currentEnvironments, initialRequestState, mergeShared, requestReducer, type RequestAction, type RequestState } from './state';

const environments: Environment[] = [
  { id: 'sandbox', label: 'Sandbox', baseUrl: 'http://localhost:4010/v1' },
  { id: 'production', label: 'Production', baseUrl: 'https://api.callbell.eu/v1' },
];
const example: RequestValues = { path: { uuid: 'a'.repeat(32) }, query: { page: 1 }, body: '{"name": "x"}' };

function run(...actions: RequestAction[]): RequestState {
  return actions.reduce(requestReducer, initialRequestState('sandbox', example));
}

describe('request state', () => {
  it('starts in the given environment with the documented values, no key, the panel closed', () => {
    expect(initialRequestState('sandbox', example)).toEqual({
      environmentId: 'sandbox',
      values: example,
      apiKey: { key: '', remember: false, includeInCopy: false },
      open: false,
      fromShareLink: false,
    });
  });

  it('a share link sets its values, opens the panel and only suggests its environment', () => {
    const state = run({
      type: 'shareLink',
      shared: { suggestedEnvironment: 'production', values: { path: {}, query: { tags: 'vip' } } },
    });
    expect(state.environmentId).toBe('sandbox');
    expect(state.suggestedEnvironmentId).toBe('production');
    expect(state.fromShareLink).toBe(true);
    expect(state.open).toBe(true);
    // Path values the link lacks stay, its query replaces the query, the body stays when it has none.
    expect(state.values).toEqual({ path: { uuid: 'a'.repeat(32) }, query: { tags: 'vip' }, body: '{"name": "x"}' });
  });

  it('choosing an environment drops the suggestion; dismissing it keeps the environment', () => {
    const shared = { type: 'shareLink', shared: { suggestedEnvironment: 'production', values: {} } } as const;
    const switched = run(shared, { type: 'chooseEnvironment', id: 'production' });
    expect(switched.environmentId).toBe('production');
    expect(switched.suggestedEnvironmentId).toBeUndefined();
    const stayed = run(shared, { type: 'dismissSuggestion' });
    expect(stayed.environmentId).toBe('sandbox');
    expect(stayed.suggestedEnvironmentId).toBeUndefined();
  });

  it('a confirmed send or a reset ends the share link\'s hold; a reset restores the given values', () => {
    const shared = { type: 'shareLink', shared: { values: { body: '{}' } } } as const;
    expect(run(shared, { type: 'shareLinkConfirmed' }).fromShareLink).toBe(false);
    const reset = run(shared, { type: 'setValues', values: { query: { page: '9' } } }, { type: 'reset', values: example });
    expect(reset.fromShareLink).toBe(false);
    expect(reset.values).toEqual(example);
    expect(reset.open).toBe(true);
  });

  it('a stored key replaces the key but keeps the copy choice; forgetting clears key and remember only', () => {
    const chosen = run({ type: 'setApiKey', apiKey: { key: 'k1', remember: false, includeInCopy: true } });
    const loaded = requestReducer(chosen, { type: 'keyLoaded', key: { key: 'k2', remember: true } });
    expect(loaded.apiKey).toEqual({ key: 'k2', remember: true, includeInCopy: true });
    expect(requestReducer(loaded, { type: 'forgetKey' }).apiKey).toEqual({ key: '', remember: false, includeInCopy: true });
  });

  it('opens and closes the panel', () => {
    expect(run({ type: 'setOpen', open: true }).open).toBe(true);
    expect(run({ type: 'setOpen', open: true }, { type: 'setOpen', open: false }).open).toBe(false);
  });

  it('returns the same state object for an action that changes nothing (React then skips the render)', () => {
    const start = initialRequestState('sandbox', example);
    const noOps: RequestAction[] = [
      // What the block's effects dispatch at load when no key is stored.
      { type: 'keyLoaded', key: { key: '', remember: false } },
      { type: 'forgetKey' },
      { type: 'setApiKey', apiKey: { key: '', remember: false, includeInCopy: false } },
      { type: 'setOpen', open: false },
      { type: 'setValues', values: start.values },
      { type: 'chooseEnvironment', id: 'sandbox' },
      { type: 'dismissSuggestion' },
      { type: 'shareLinkConfirmed' },
    ];
    for (const action of noOps) expect(requestReducer(start, action), action.type).toBe(start);
    const withKey = requestReducer(start, { type: 'setApiKey', apiKey: { key: 'k1', remember: true, includeInCopy: true } });
    expect(requestReducer(withKey, { type: 'keyLoaded', key: { key: 'k1', remember: true } })).toBe(withKey);
    const open = requestReducer(start, { type: 'setOpen', open: true });
    expect(requestReducer(open, { type: 'setOpen', open: true })).toBe(open);
  });

  it('returns a new state for an action that changes something', () => {
    const start = initialRequestState('sandbox', example);
    const changes: RequestAction[] = [
      { type: 'keyLoaded', key: { key: 'k', remember: false } },
      { type: 'keyLoaded', key: { key: '', remember: true } },
      { type: 'setApiKey', apiKey: { key: '', remember: false, includeInCopy: true } },
      { type: 'setOpen', open: true },
      { type: 'setValues', values: { ...start.values } },
      { type: 'chooseEnvironment', id: 'production' },
      { type: 'chooseExample', id: 'request', values: start.values },
      { type: 'reset', values: { ...example } },
      { type: 'shareLink', shared: { values: {} } },
    ];
    for (const action of changes) expect(requestReducer(start, action), action.type).not.toBe(start);
  });

  it('never changes the state it is given', () => {
    const before = initialRequestState('sandbox', example);
    const copy = structuredClone(before);
    requestReducer(before, { type: 'shareLink', shared: { values: { path: { uuid: 'b' }, query: { page: '2' } } } });
    expect(before).toEqual(copy);
  });
});

describe('documented examples', () => {
  const image: RequestValues = { path: {}, query: {}, body: '{"type": "image"}' };

  it('choosing one sets its values and id, like a reset to it', () => {
    const state = run({ type: 'shareLink', shared: { values: { body: '{}' } } }, { type: 'chooseExample', id: 'image', values: image });
    expect(state.exampleId).toBe('image');
    expect(state.values).toEqual(image);
    expect(state.fromShareLink).toBe(false);
  });

  it('a share link names its example; a link without one keeps the current choice', () => {
    expect(run({ type: 'shareLink', shared: { example: 'image', values: image } }).exampleId).toBe('image');
    const kept = run({ type: 'chooseExample', id: 'video', values: image }, { type: 'shareLink', shared: { values: { query: {} } } });
    expect(kept.exampleId).toBe('video');
  });

  it('editing values keeps the example they started from', () => {
    expect(run({ type: 'chooseExample', id: 'image', values: image }, { type: 'setValues', values: { body: '{}' } }).exampleId).toBe('image');
  });
});

describe('mergeShared', () => {
  it('keeps no body when neither has one', () => {
    expect(mergeShared({ query: { page: 1 } }, { path: { uuid: 'x' } })).toEqual({ path: { uuid: 'x' }, query: {} });
  });

  it('takes the link\'s body, even an empty one', () => {
    expect(mergeShared({ body: '{"a":1}' }, { body: '' }).body).toBe('');
  });
});

describe('currentEnvironments', () => {
  it('finds the environment and a suggestion for another one', () => {
    expect(currentEnvironments(environments, { environmentId: 'sandbox', suggestedEnvironmentId: 'production' })).toEqual({
      environment: environments[0],
      suggested: environments[1],
    });
  });

  it('suggests nothing when the panel is already there, or the id is unknown', () => {
    expect(currentEnvironments(environments, { environmentId: 'production', suggestedEnvironmentId: 'production' })).toEqual({
      environment: environments[1],
    });
    expect(currentEnvironments(environments, { environmentId: 'sandbox', suggestedEnvironmentId: 'https://evil.example' })).toEqual({
      environment: environments[0],
    });
  });

  it('falls back to the first environment for an unknown id, and fails without any', () => {
    expect(currentEnvironments(environments, { environmentId: 'staging' }).environment).toBe(environments[0]);
    expect(() => currentEnvironments([], { environmentId: 'sandbox' })).toThrow(/No API environment/);
  });
});
