// Finding one item by an id the user typed: the whole id, or a prefix of it that
// only one item has.
export type Lookup<T> =
  | { kind: 'found'; item: T }
  | { kind: 'none' }
  | { kind: 'ambiguous'; candidates: T[] };

export function findByIdPrefix<T>(items: readonly T[], query: string, idOf: (item: T) => string): Lookup<T> {
  const wanted = query.trim().toLowerCase();
  if (wanted === '') return { kind: 'none' };
  const exact = items.find((item) => idOf(item).toLowerCase() === wanted);
  if (exact) return { kind: 'found', item: exact };
  const candidates = items.filter((item) => idOf(item).toLowerCase().startsWith(wanted));
  if (candidates.length === 1) return { kind: 'found', item: candidates[0] as T };
  return candidates.length === 0 ? { kind: 'none' } : { kind: 'ambiguous', candidates };
}

/** Length of the shortest prefix (at least `min`) that tells every id apart. */
export function uniquePrefixLength(ids: readonly string[], min = 8): number {
  const sorted = [...new Set(ids)].sort();
  let length = min;
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1] as string;
    const b = sorted[i] as string;
    let common = 0;
    while (common < a.length && a[common] === b[common]) common++;
    length = Math.max(length, common + 1);
  }
  return length;
}
