/**
 * A stored value with read-modify-write updates that never interleave. The service worker handles
 * messages concurrently (each await yields), so two reports arriving together would otherwise read
 * the same old value and one update would be lost.
 */

/** What a WXT storage item (storage.defineItem) offers; tests may pass a plain in-memory cell. */
export interface ValueCell<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

export interface SerialCell<T> {
  /** The current value, after every update queued before this call. */
  read(): Promise<T>;
  /** Applies `change` to the current value and stores the result; updates run one at a time. */
  update(change: (value: T) => T): Promise<void>;
}

/**
 * Wraps `cell` so updates run one after another. `parse` validates what storage holds
 * (STYLE.md principle 7): a damaged or foreign value becomes the fallback it returns.
 */
export function serialCell<T>(cell: ValueCell<unknown>, parse: (raw: unknown) => T): SerialCell<T> {
  let queue: Promise<unknown> = Promise.resolve();
  const run = <R>(job: () => Promise<R>): Promise<R> => {
    const next = queue.then(job, job);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    read: () => run(async () => parse(await cell.getValue())),
    update: (change) =>
      run(async () => {
        await cell.setValue(change(parse(await cell.getValue())));
      }),
  };
}
