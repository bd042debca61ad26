/**
 * The same measure's entry for another region. "Прожиточный минимум" answered for Volgograd, then "а в Перми?", got
 * the Perm contacts (the only entry naming the town), not the Perm subsistence minimum (a citizen audit). Regional
 * entries of two regions are counterparts when their titles share most of their words once the regions' own names
 * are left out ("Прожиточный минимум в Пермском крае на 2026 год и краевые меры" and "… в Волгоградской области …").
 */
import { comparableText } from '../i18n/comparable-text.js';
import type { KnowledgeEntry } from '../knowledge/entry.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';

/** Words that name a region or its level of government, not the measure. */
const REGION_WORD = /^(перм|волгоград|кра[ейя]|област|прикам)/;
/** Short words that tell no measure apart ("выплата при рождении" is not "выплата для студенток"). */
const FILLER = new Set(['при', 'для', 'лет', 'год', 'или', 'как', 'что', 'где']);
/** A word compared by its first letters: "минимум" and "минимума" are one word. */
const STEM_LETTERS = 5;
/** At least this share of the longer title's words in common. */
const MIN_SHARED = 0.5;

/** Titles' words, by title (a few hundred titles; a reload's new ones are added). */
const wordsOfTitles = new Map<string, ReadonlySet<string>>();
const MAX_TITLES = 2000;

function titleWords(title: string): ReadonlySet<string> {
  let words = wordsOfTitles.get(title);
  if (!words) {
    if (wordsOfTitles.size >= MAX_TITLES) wordsOfTitles.clear();
    words = wordsOf(title);
    wordsOfTitles.set(title, words);
  }
  return words;
}

function wordsOf(title: string): Set<string> {
  return new Set(
    comparableText(title)
      .split(' ')
      .filter((w) => w.length >= 3 && !FILLER.has(w) && !REGION_WORD.test(w))
      .map((w) => w.slice(0, STEM_LETTERS)),
  );
}

/** The share of the longer title's words that two titles have in common (regions' own names left out). */
export function titleShare(a: string, b: string): number {
  const words = titleWords(a);
  const other = titleWords(b);
  const shared = [...words].filter((w) => other.has(w)).length;
  return shared / Math.max(words.size, other.size, 1);
}

/** The entry of `region` about what `entry` (another region's own measure) is about, if the base has one. */
export function regionalCounterpart(
  kb: KnowledgeBase,
  entry: KnowledgeEntry,
  region: 'perm' | 'volgograd',
): KnowledgeEntry | undefined {
  if (entry.regions.includes('federal') || entry.regions.includes(region)) return undefined;
  let best: KnowledgeEntry | undefined;
  let bestShare = 0;
  for (const other of kb.entries) {
    if (other.regions.includes('federal') || !other.regions.includes(region)) continue;
    const share = titleShare(entry.title, other.title);
    if (share > bestShare) {
      best = other;
      bestShare = share;
    }
  }
  return bestShare >= MIN_SHARED ? best : undefined;
}
