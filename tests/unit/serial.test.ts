import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSerialQueue } from '../../lib/serial';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A task that records when it starts and ends, and fails when told to. */
function recorder() {
  const log: string[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const task =
    <T>(name: string, value: T, { delay = 0, fail = false } = {}) =>
    async (): Promise<T> => {
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      log.push(`start ${name}`);
      try {
        await sleep(delay);
        if (fail) throw new Error(`${name} failed`);
        return value;
      } finally {
        log.push(`end ${name}`);
        running--;
      }
    };
  return { log, task, mostAtOnce: () => mostAtOnce };
}

describe('createSerialQueue', () => {
  it('runs tasks in the order queued, one at a time, even when a later one is quicker', async () => {
    const enqueue = createSerialQueue();
    const { log, task, mostAtOnce } = recorder();
    const results = await Promise.all([
      enqueue(task('a', 1, { delay: 30 })),
      enqueue(task('b', 'two', { delay: 0 })),
      enqueue(task('c', { three: 3 }, { delay: 10 })),
    ]);
    expect(results).toEqual([1, 'two', { three: 3 }]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(mostAtOnce()).toBe(1);
  });

  it('does not start a task before the one ahead of it has settled', async () => {
    const enqueue = createSerialQueue();
    let release!: () => void;
    const first = enqueue(() => new Promise<void>((resolve) => (release = resolve)));
    let secondStarted = false;
    const second = enqueue(async () => {
      secondStarted = true;
    });
    await sleep(20);
    expect(secondStarted).toBe(false);
    release();
    await Promise.all([first, second]);
    expect(secondStarted).toBe(true);
  });

  it('a failing task rejects its own caller only, and the tasks behind it still run in order', async () => {
    const enqueue = createSerialQueue();
    const { log, task, mostAtOnce } = recorder();
    const a = enqueue(task('a', 'A', { delay: 10 }));
    const b = enqueue(task('b', 'B', { delay: 10, fail: true }));
    const c = enqueue(task('c', 'C', { delay: 5 }));
    const d = enqueue(task('d', 'D', { fail: true }));
    const e = enqueue(task('e', 'E'));
    await expect(a).resolves.toBe('A');
    await expect(b).rejects.toThrow('b failed');
    await expect(c).resolves.toBe('C');
    await expect(d).rejects.toThrow('d failed');
    await expect(e).resolves.toBe('E');
    expect(log).toEqual([
      'start a',
      'end a',
      'start b',
      'end b',
      'start c',
      'end c',
      'start d',
      'end d',
      'start e',
      'end e',
    ]);
    expect(mostAtOnce()).toBe(1);
  });

  it('a task that throws before its first await does not stop the queue either', async () => {
    const enqueue = createSerialQueue();
    const failing = enqueue((() => {
      throw new Error('at once');
    }) as () => Promise<never>);
    const after = enqueue(async () => 'after');
    await expect(failing).rejects.toThrow('at once');
    await expect(after).resolves.toBe('after');
  });

  it('keeps working after it has gone idle', async () => {
    const enqueue = createSerialQueue();
    await expect(enqueue(async () => 1)).resolves.toBe(1);
    await expect(enqueue(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
    await sleep(5);
    const { log, task } = recorder();
    await Promise.all([enqueue(task('x', 0, { delay: 5 })), enqueue(task('y', 0))]);
    expect(log).toEqual(['start x', 'end x', 'start y', 'end y']);
  });

  it('separate queues do not wait for each other', async () => {
    const one = createSerialQueue();
    const two = createSerialQueue();
    let release!: () => void;
    const blocked = one(() => new Promise<string>((resolve) => (release = () => resolve('one'))));
    await expect(two(async () => 'two')).resolves.toBe('two');
    release();
    await expect(blocked).resolves.toBe('one');
  });

  it('for any mix of delays and failures: queue order, never overlapping, each caller gets its own outcome', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ delay: fc.integer({ min: 0, max: 3 }), fail: fc.boolean() }), {
          minLength: 1,
          maxLength: 12,
        }),
        async (plans) => {
          const enqueue = createSerialQueue();
          const { log, task, mostAtOnce } = recorder();
          const outcomes = await Promise.allSettled(plans.map((plan, i) => enqueue(task(String(i), i, plan))));
          expect(log).toEqual(plans.flatMap((_, i) => [`start ${i}`, `end ${i}`]));
          expect(mostAtOnce()).toBe(1);
          outcomes.forEach((outcome, i) => {
            if (plans[i].fail) expect(outcome).toMatchObject({ status: 'rejected', reason: new Error(`${i} failed`) });
            else expect(outcome).toEqual({ status: 'fulfilled', value: i });
          });
        },
      ),
      { numRuns: 40 },
    );
  });
});
