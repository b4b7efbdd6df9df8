/** nextTask: settles after the current task, not in one of its microtasks. */
import { describe, expect, it } from 'vitest';
import { nextTask } from './nextTask';

describe('nextTask', () => {
  it('lets every microtask of the current task run first', async () => {
    const order: string[] = [];
    const settled = nextTask().then(() => order.push('next task'));
    // A chain of microtasks longer than any promise resolution inside nextTask.
    let chain = Promise.resolve();
    for (let i = 0; i < 20; i += 1) chain = chain.then(() => void order.push(`microtask ${i}`));
    await Promise.all([settled, chain]);
    expect(order.at(-1)).toBe('next task');
    expect(order).toHaveLength(21);
  });

  it('settles after a task queued before it', async () => {
    const order: string[] = [];
    const channel = new MessageChannel();
    const earlier = new Promise<void>((resolve) => {
      channel.port1.onmessage = () => {
        order.push('earlier task');
        channel.port1.close();
        resolve();
      };
    });
    channel.port2.postMessage(null);
    await Promise.all([earlier, nextTask().then(() => order.push('next task'))]);
    expect(order).toEqual(['earlier task', 'next task']);
  });
});
