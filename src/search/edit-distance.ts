/**
 * Small edit-distance checks for typo tolerance in patterns (intents, section cues). The index has its own fuzzy
 * lookup; this is for comparing one word against one pattern word, where a full matrix would be wasteful.
 */

/**
 * true when `a` becomes `b` with at most one insertion, deletion, substitution or swap of neighbouring letters
 * (the typos people make: "дакументы", "документи", "доукменты").
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
