/**
 * Runs `fn` on every item with at most `concurrency` calls in flight, taking items in order, and
 * resolves with the results in item order. After a call fails no further call starts, and the
 * promise rejects with that failure (calls already in flight are not awaited). The one worker
 * pool of the service: adapters (batch requests, partition reads) and use cases (batch upserts,
 * snapshot reads) alike.
 */
export async function mapPooled<T, R>(items: readonly T[], concurrency: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        out[i] = await fn(items[i]!, i);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(0, Math.min(Math.floor(concurrency), items.length)) }, worker));
  return out;
}
