/**
 * Runs tasks one after another, in the order they were queued; a failed task does not stop the
 * ones behind it. For read-modify-write work that must never interleave (settings, reconciliation).
 */
export function createSerialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const result = tail.then(task, task);
    tail = result.catch(() => undefined);
    return result;
  };
}
