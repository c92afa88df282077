/**
 * Per-process memo of the numbers a lesson computes. The numbers do not depend on the language, so
 * building a topic in en and then pt-BR trains its small networks once; pictures (whose labels are
 * translated) are rendered per call.
 */
const cache = new Map<string, Promise<unknown>>();

export function once<T>(key: string, compute: () => Promise<T>): Promise<T> {
  let value = cache.get(key) as Promise<T> | undefined;
  if (value === undefined) {
    value = compute();
    cache.set(key, value);
    // A failed computation is not cached: the next call tries again.
    value.catch(() => cache.delete(key));
  }
  return value;
}
