/**
 * How rare a word is in the knowledge base: BM25's inverse document frequency (minisearch's), of a word found in `df`
 * of `n` entries. The index ranks by it, and the evidence thresholds follow it as entries are added.
 */
export function rarity(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}
