/**
 * The pure part of ./prefetch.ts: a prefetch function that asks for each URL
 * once, never for one the page has already loaded, and (given `later`) not in
 * the task that asked: `createIdleQueue` runs those requests in short batches
 * when the browser is idle.
 *
 * Why later: Docusaurus prefetches a route when a link to it comes into view.
 * Right after a page loads, every link on the first screen does so in the same
 * task (one intersection observer callback each), and adding a
 * `<link rel=prefetch>` per chunk made that task one of the longest of the load
 * (about 5 ms on the pagination guide with a phone viewport, 17 callbacks).
 * A prefetch is a head start for a later click: it can wait for an idle moment.
 */
export interface PrefetchDeps {
  /** True when the page already has this file (a script element with this URL). */
  isLoaded(url: string): boolean;
  /** Asks the browser for the file; settles when it has it or gave up. */
  request(url: string): Promise<void>;
  /** Runs `job` later, in order (default: at once). */
  later?(job: () => void): void;
}

export function createPrefetch({ isLoaded, request, later = (job) => job() }: PrefetchDeps): (url: string) => Promise<void> {
  const requested = new Map<string, Promise<void>>();
  return (url) => {
    const pending = requested.get(url);
    if (pending) return pending;
    const result = new Promise<void>((resolve) => {
      later(() => {
        if (isLoaded(url)) return resolve();
        // A failed prefetch is only a missed head start: the chunk loads when the page is opened.
        let asked: Promise<void>;
        try {
          asked = request(url);
        } catch {
          return resolve();
        }
        asked.then(resolve, () => resolve());
      });
    });
    requested.set(url, result);
    return result;
  };
}

export interface IdleQueueDeps {
  /** Calls `run` once the browser is idle (`requestIdleCallback`, or a timer where there is none). */
  whenIdle(run: () => void): void;
  /** A clock in milliseconds. */
  now(): number;
  /** How long a batch may run: after the job that reaches it, the rest waits for the next idle moment. */
  budgetMs: number;
}

/** A queue whose jobs run in order, in batches of about `budgetMs`, each batch when the browser is idle. A job that throws is dropped; the others still run. */
export function createIdleQueue({ whenIdle, now, budgetMs }: IdleQueueDeps): (job: () => void) => void {
  const jobs: Array<() => void> = [];
  let waiting = false;
  const schedule = () => {
    if (waiting) return;
    waiting = true;
    whenIdle(drain);
  };
  function drain() {
    waiting = false;
    const start = now();
    while (jobs.length > 0) {
      const job = jobs.shift()!;
      try {
        job();
      } catch {
        // One job's failure is its own.
      }
      if (now() - start >= budgetMs) break;
    }
    if (jobs.length > 0) schedule();
  }
  return (job) => {
    jobs.push(job);
    schedule();
  };
}
