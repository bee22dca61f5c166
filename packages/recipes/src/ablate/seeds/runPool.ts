/**
 * Runs `tasks` with at most `parallel` at a time, in list order; resolves with their
 * results in list order, or rejects with the first failure (running tasks finish first).
 */
export async function runPool<T>(
  tasks: readonly (() => Promise<T>)[],
  parallel: number,
): Promise<T[]> {
  const results = new Array<T>(tasks.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    while (next < tasks.length && !failure) {
      const i = next++;
      try {
        results[i] = await tasks[i]();
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, tasks.length)) }, lane));
  if (failure) throw failure.error;
  return results;
}
