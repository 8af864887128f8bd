/**
 * Runs tasks one after another: each starts when every earlier one has settled, so two
 * read-modify-write sequences never interleave. A failed task rejects its own caller only.
 *
 *   const serial = serialQueue();
 *   await serial(() => write());
 */
export function serialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
