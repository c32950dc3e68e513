/**
 * Group commit: calls that arrive in the same turn of the event loop are written
 * by one `flush` (one statement, one commit) instead of one each. Every caller
 * still learns its own result only after that commit, so nothing is acknowledged
 * before it is stored. If the flush fails, each caller gets the error.
 */
export function batched<In, Out>(flush: (items: In[]) => Promise<Out[]>, maxBatch = 64): (item: In) => Promise<Out> {
  let pending: { item: In; resolve: (value: Out) => void; reject: (reason: unknown) => void }[] = [];
  let scheduled = false;

  const run = () => {
    scheduled = false;
    const batch = pending.slice(0, maxBatch);
    pending = pending.slice(maxBatch);
    if (pending.length > 0) schedule();
    flush(batch.map((entry) => entry.item)).then(
      (results) => batch.forEach((entry, index) => entry.resolve(results[index])),
      (error: unknown) => batch.forEach((entry) => entry.reject(error)),
    );
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(run);
  };

  return (item) =>
    new Promise<Out>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      schedule();
    });
}
