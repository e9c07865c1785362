import { describe, expect, it, vi } from 'vitest';
import { watchSignIn, type SignInWatch } from '../../../lib/immybot/sign-in';

/**
 * A fake clock whose sleep advances it; each check can be scripted by how many times it has run.
 * `signedInOnCheck` / `closedOnCheck`: the 1-based check at which the state flips (never if undefined).
 */
function harness({
  signedInOnCheck,
  closedOnCheck,
  deadlineMs,
}: {
  signedInOnCheck?: number;
  closedOnCheck?: number;
  deadlineMs?: number;
}) {
  let clock = 50_000;
  const sleeps: number[] = [];
  const isSignedIn = vi.fn(
    async () => signedInOnCheck !== undefined && isSignedIn.mock.calls.length >= signedInOnCheck,
  );
  const isWindowOpen = vi.fn(
    async () => !(closedOnCheck !== undefined && isWindowOpen.mock.calls.length >= closedOnCheck),
  );
  const sleep = vi.fn(async (ms: number) => {
    sleeps.push(ms);
    clock += ms;
  });
  const watch: SignInWatch = {
    isSignedIn,
    isWindowOpen,
    sleep,
    now: () => clock,
    ...(deadlineMs !== undefined && { deadlineMs }),
  };
  return { watch, sleeps, isSignedIn, isWindowOpen, elapsed: () => clock - 50_000 };
}

describe('watchSignIn', () => {
  it('returns signed-in at once, without sleeping, when the session is already signed in', async () => {
    const h = harness({ signedInOnCheck: 1 });
    await expect(watchSignIn(h.watch)).resolves.toBe('signed-in');
    expect(h.sleeps).toEqual([]);
    expect(h.isSignedIn).toHaveBeenCalledTimes(1);
  });

  it.each<[number, number[]]>([
    [2, [1000]],
    [3, [1000, 1500]],
    [4, [1000, 1500, 2250]],
    [5, [1000, 1500, 2250, 3375]],
    [6, [1000, 1500, 2250, 3375, 5000]],
    [8, [1000, 1500, 2250, 3375, 5000, 5000, 5000]],
  ])('signed in at check %d → signed-in right away, after sleeping %j', async (check, sleeps) => {
    const h = harness({ signedInOnCheck: check });
    await expect(watchSignIn(h.watch)).resolves.toBe('signed-in');
    expect(h.sleeps).toEqual(sleeps);
    expect(h.isSignedIn).toHaveBeenCalledTimes(check);
    expect(h.isWindowOpen).toHaveBeenCalledTimes(check - 1);
  });

  it.each<[number, number[]]>([
    [1, []],
    [2, [1000]],
    [4, [1000, 1500, 2250]],
  ])('window closed at check %d → closed, after sleeping %j', async (check, sleeps) => {
    const h = harness({ closedOnCheck: check });
    await expect(watchSignIn(h.watch)).resolves.toBe('closed');
    expect(h.sleeps).toEqual(sleeps);
    expect(h.isSignedIn).toHaveBeenCalledTimes(check);
  });

  it('signed in and the window closed at the same check → signed-in (the window closes itself on success)', async () => {
    const h = harness({ signedInOnCheck: 3, closedOnCheck: 3 });
    await expect(watchSignIn(h.watch)).resolves.toBe('signed-in');
  });

  it('backs off from 1 s by ×1.5 up to 5 s, and gives up at the deadline', async () => {
    const h = harness({ deadlineMs: 30_000 });
    await expect(watchSignIn(h.watch)).resolves.toBe('timeout');
    expect(h.sleeps).toEqual([1000, 1500, 2250, 3375, 5000, 5000, 5000, 5000, 5000]);
    // Nine checks before the sleeps, and a last one after the final sleep.
    expect(h.isSignedIn).toHaveBeenCalledTimes(10);
    expect(h.elapsed()).toBeGreaterThanOrEqual(30_000);
  });

  it('times out after 5 minutes by default, never sleeping more than 5 s', async () => {
    const h = harness({});
    await expect(watchSignIn(h.watch)).resolves.toBe('timeout');
    expect(h.sleeps.slice(0, 5)).toEqual([1000, 1500, 2250, 3375, 5000]);
    expect(Math.max(...h.sleeps)).toBe(5000);
    expect(h.elapsed()).toBeGreaterThanOrEqual(5 * 60_000);
    expect(h.elapsed()).toBeLessThan(5 * 60_000 + 5000);
    // 13,125 ms for the first five sleeps, then 5 s steps until 300,000 ms are reached.
    expect(h.sleeps).toHaveLength(5 + Math.ceil((5 * 60_000 - 13_125) / 5000));
  });

  it('a deadline of 0 still looks once: signed in already → signed-in, otherwise timeout', async () => {
    const signedIn = harness({ signedInOnCheck: 1, deadlineMs: 0 });
    await expect(watchSignIn(signedIn.watch)).resolves.toBe('signed-in');
    expect(signedIn.isSignedIn).toHaveBeenCalledTimes(1);
    const signedOut = harness({ deadlineMs: 0 });
    await expect(watchSignIn(signedOut.watch)).resolves.toBe('timeout');
    expect(signedOut.sleeps).toEqual([]);
  });

  it('a sign-in finished during the last wait still counts', async () => {
    const h = harness({ signedInOnCheck: 3, deadlineMs: 2_000 });
    await expect(watchSignIn(h.watch)).resolves.toBe('signed-in');
    expect(h.sleeps).toEqual([1000, 1500]);
    expect(h.isSignedIn).toHaveBeenCalledTimes(3);
  });

  it('waits for each check before sleeping (never overlaps checks)', async () => {
    const events: string[] = [];
    let clock = 0;
    const outcome = await watchSignIn({
      isSignedIn: async () => {
        events.push('signed-in?');
        await Promise.resolve();
        return events.filter((e) => e === 'signed-in?').length === 3;
      },
      isWindowOpen: async () => (events.push('open?'), true),
      sleep: async (ms) => {
        events.push(`sleep ${ms}`);
        clock += ms;
      },
      now: () => clock,
    });
    expect(outcome).toBe('signed-in');
    expect(events).toEqual(['signed-in?', 'open?', 'sleep 1000', 'signed-in?', 'open?', 'sleep 1500', 'signed-in?']);
  });
});
