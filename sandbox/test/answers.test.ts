/**
 * The answers of reads kept while their account is unchanged
 * (src/answers.ts): an answer is served again only for the same account
 * object, the same URL and no change since; at most `maxEntries` are kept,
 * the least recently used leaving first (the memory of an instance stays
 * bounded whatever the number of keys); very large answers are not kept.
 * Through the app: a read after a change never gets the answer from before.
 */
import { describe, expect, it } from 'vitest';
import { accountSeed } from '../src/app';
import { answerCache, MAX_ANSWER_CHARS } from '../src/answers';
import { changed, freshAccount } from '../src/store';
import { bearer, makeSandbox } from './helpers';

const account = () => freshAccount(accountSeed(), 'test_answersKey000000000000000');
const answer = (text: string) => ({ status: 200, text });

describe('answers of reads', () => {
  it('are served again for the same account and URL, until the account changes', () => {
    const cache = answerCache();
    const a = account();
    const b = account();
    cache.set(a, '/v1/contacts', answer('A'));
    expect(cache.get(a, '/v1/contacts')?.text).toBe('A');
    expect(cache.get(a, '/v1/contacts?page=2')).toBeUndefined();
    expect(cache.get(b, '/v1/contacts')).toBeUndefined(); // another account (another key, or a newer copy)
    changed(a);
    expect(cache.get(a, '/v1/contacts')).toBeUndefined();
    expect(cache.size).toBe(0); // the stale answer is gone, not only skipped
  });

  it('keep at most maxEntries, the least recently used leaving first', () => {
    const cache = answerCache(3);
    const a = account();
    for (const page of [1, 2, 3]) cache.set(a, `/v1/contacts?page=${page}`, answer(String(page)));
    expect(cache.get(a, '/v1/contacts?page=1')?.text).toBe('1'); // page 2 is now the least recently used
    cache.set(a, '/v1/contacts?page=4', answer('4'));
    expect(cache.size).toBe(3);
    expect(cache.get(a, '/v1/contacts?page=2')).toBeUndefined();
    for (const page of [1, 3, 4]) expect(cache.get(a, `/v1/contacts?page=${page}`)?.text).toBe(String(page));
    for (let i = 0; i < 1000; i++) cache.set(account(), `/v1/contacts?page=${i}`, answer('x'));
    expect(cache.size).toBe(3);
  });

  it('do not keep very large answers', () => {
    const cache = answerCache();
    const a = account();
    cache.set(a, '/v1/messages', answer('x'.repeat(MAX_ANSWER_CHARS + 1)));
    expect(cache.get(a, '/v1/messages')).toBeUndefined();
  });

  it('through the app, a read after a change gets the new state', async () => {
    const { app } = makeSandbox();
    const john = '/v1/contacts/414a6d692bd645ed803f2e7ce360d4c8';
    const name = async () => ((await (await app.request(john, { headers: bearer() })).json()) as { contact: { name: string } }).contact.name;
    expect(await name()).toBe('John Doe');
    expect(await name()).toBe('John Doe'); // kept, then served again
    const patched = await app.request(john, { method: 'PATCH', headers: { ...bearer(), 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'John Renamed' }) });
    expect(patched.status).toBe(200);
    expect(await name()).toBe('John Renamed');
  });
});
