/**
 * The results of a pure function for its latest distinct keys: a key asked again is answered from memory, and
 * past `size` keys the least recently used is forgotten. Undefined is a result like any other (most messages name
 * no region).
 */
/**
 * Texts longer than this are letters, rarely sent twice: the search and the understanding read them every time and
 * do not remember them.
 */
export const LONGEST_REMEMBERED_TEXT = 200;

export interface RecentResults<V> {
  get(key: string, compute: () => V): V;
  readonly size: number;
}

export function recentResults<V>(size: number): RecentResults<V> {
  // A Map iterates in insertion order, and a hit is moved to the end: the first key is the least recently used.
  const results = new Map<string, V>();
  return {
    get(key, compute) {
      const known = results.get(key);
      if (known !== undefined || results.has(key)) {
        results.delete(key);
        results.set(key, known as V);
        return known as V;
      }
      const value = compute();
      if (size <= 0) return value;
      results.set(key, value);
      if (results.size > size) results.delete(results.keys().next().value as string);
      return value;
    },
    get size() {
      return results.size;
    },
  };
}
