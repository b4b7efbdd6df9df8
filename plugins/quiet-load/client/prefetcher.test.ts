/** quiet-load's prefetch: each URL once, never a loaded one, failures swallowed, requests made later in short idle batches. */
import { describe, expect, it } from 'vitest';
import { createIdleQueue, createPrefetch } from './prefetcher';

function harness(loaded: string[] = [], fail: string[] = []) {
  const requests: string[] = [];
  const prefetch = createPrefetch({
    isLoaded: (url) => loaded.includes(url),
    request: (url) => {
      requests.push(url);
      return fail.includes(url) ? Promise.reject(new Error('404')) : Promise.resolve();
    },
  });
  return { prefetch, requests };
}

describe('createPrefetch', () => {
  it('asks for each URL once, however many links point at routes that share it', async () => {
    const { prefetch, requests } = harness();
    await Promise.all(['/a.js', '/b.js', '/a.js', '/a.js', '/b.js'].map(prefetch));
    expect(requests).toEqual(['/a.js', '/b.js']);
  });

  it('never asks for a file the page has already loaded', async () => {
    const { prefetch, requests } = harness(['/page.js']);
    await prefetch('/page.js');
    await prefetch('/other.js');
    expect(requests).toEqual(['/other.js']);
  });

  it('settles without error when the request fails, and does not ask again', async () => {
    const { prefetch, requests } = harness([], ['/gone.js']);
    await expect(prefetch('/gone.js')).resolves.toBeUndefined();
    await expect(prefetch('/gone.js')).resolves.toBeUndefined();
    expect(requests).toEqual(['/gone.js']);
  });

  it('gives concurrent callers the same pending request', () => {
    const { prefetch } = harness();
    expect(prefetch('/a.js')).toBe(prefetch('/a.js'));
  });

  it('settles without error when the request throws at once', async () => {
    const prefetch = createPrefetch({
      isLoaded: () => false,
      request: () => {
        throw new Error('no link element');
      },
    });
    await expect(prefetch('/a.js')).resolves.toBeUndefined();
  });

  it('with `later`, asks nothing in the calling task, and asks in order once the jobs run', async () => {
    const jobs: Array<() => void> = [];
    const requests: string[] = [];
    const loaded = new Set<string>();
    const prefetch = createPrefetch({
      isLoaded: (url) => loaded.has(url),
      request: (url) => {
        requests.push(url);
        return Promise.resolve();
      },
      later: (job) => jobs.push(job),
    });
    let settled = false;
    const first = prefetch('/a.js').then(() => {
      settled = true;
    });
    const again = prefetch('/a.js');
    void prefetch('/b.js');
    void prefetch('/c.js');
    expect(requests).toEqual([]);
    expect(jobs).toHaveLength(3);
    // Loaded meanwhile (the reader opened that page): it is not asked for.
    loaded.add('/b.js');
    for (const job of jobs) job();
    expect(requests).toEqual(['/a.js', '/c.js']);
    await first;
    expect(settled).toBe(true);
    await expect(again).resolves.toBeUndefined();
  });
});

describe('createIdleQueue', () => {
  function idleHarness(budgetMs: number, jobMs: number) {
    let clock = 0;
    const idle: Array<() => void> = [];
    const enqueue = createIdleQueue({ whenIdle: (run) => idle.push(run), now: () => clock, budgetMs });
    const ran: string[] = [];
    const job = (name: string, fail = false) => () => {
      clock += jobMs;
      ran.push(name);
      if (fail) throw new Error(name);
    };
    const runIdle = () => idle.shift()!();
    return { enqueue, ran, job, idle, runIdle };
  }

  it('runs nothing until the browser is idle, and asks for one idle moment however many jobs wait', () => {
    const { enqueue, ran, job, idle } = idleHarness(2, 0.5);
    for (const name of ['a', 'b', 'c']) enqueue(job(name));
    expect(ran).toEqual([]);
    expect(idle).toHaveLength(1);
  });

  it('runs jobs in order, in batches that end once the budget is spent, each batch in its own idle moment', () => {
    const { enqueue, ran, job, idle, runIdle } = idleHarness(2, 0.75);
    for (const name of ['a', 'b', 'c', 'd', 'e']) enqueue(job(name));
    runIdle();
    // 0.75, 1.5, 2.25 ms: the third job reaches the budget.
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(idle).toHaveLength(1);
    runIdle();
    expect(ran).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(idle).toHaveLength(0);
  });

  it('runs at least one job per batch, even one longer than the budget', () => {
    const { enqueue, ran, job, idle, runIdle } = idleHarness(2, 10);
    enqueue(job('a'));
    enqueue(job('b'));
    runIdle();
    expect(ran).toEqual(['a']);
    runIdle();
    expect(ran).toEqual(['a', 'b']);
    expect(idle).toHaveLength(0);
  });

  it('drops a job that throws and runs the others', () => {
    const { enqueue, ran, job, runIdle } = idleHarness(100, 1);
    enqueue(job('a'));
    enqueue(job('broken', true));
    enqueue(job('c'));
    runIdle();
    expect(ran).toEqual(['a', 'broken', 'c']);
  });

  it('asks for a new idle moment for jobs added after a batch', () => {
    const { enqueue, ran, job, idle, runIdle } = idleHarness(2, 0.5);
    enqueue(job('a'));
    runIdle();
    enqueue(job('b'));
    expect(idle).toHaveLength(1);
    runIdle();
    expect(ran).toEqual(['a', 'b']);
  });
});
