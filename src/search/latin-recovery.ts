/**
 * Reads Russian that arrived in Latin letters: typed with the English layout on ("gjcj,bt yf ht,tyrf") or
 * transliterated by sound ("posobie na rebenka"). Both readings of the Latin parts are tried and the one whose
 * words the lexicon knows wins; when neither reads as Russian (a real English phrase, a link) the text is kept.
 */
import { couldBeWrongLayout, fromWrongLayout } from './keyboard-layout.js';
import type { Lexicon } from './lexicon.js';
import { isCyrillicWord, normalizeWords } from './russian-normalizer.js';
import { couldBeTransliterated, transliterateWord } from './transliteration.js';

export type LatinReading = 'as-typed' | 'keyboard-layout' | 'transliteration';

export interface RecoveredText {
  /** The text with Latin parts replaced by their Russian reading (or unchanged). */
  text: string;
  reading: LatinReading;
}

/** A letter-pair score above this looks like a Russian word even when the lexicon does not know it. */
const RUSSIAN_LIKENESS = -2.9;
/** A reading is taken when its words score at least this on average (1 = every word known). */
const ACCEPT = 0.5;

const ROMAN: Record<string, string> = { i: '1', ii: '2', iii: '3', iv: '4' };

/** How much a Cyrillic word looks like something a citizen meant: 1 known, 0.7 a typo away, 0.3 Russian-like. */
function wordScore(word: string, lexicon: Lexicon): number {
  if (lexicon.knows(word)) return 1;
  if (lexicon.correct(word) !== undefined) return 0.7;
  if (word.length >= 4 && lexicon.russianLikeness(word) >= RUSSIAN_LIKENESS) return 0.3;
  return 0;
}

interface Reading {
  text: string;
  score: number;
}

function bestTransliteration(chunk: string, lexicon: Lexicon): Reading {
  const parts = chunk.split(/([^a-z'`]+)/i);
  let text = '';
  let total = 0;
  let count = 0;
  for (const part of parts) {
    if (!couldBeTransliterated(part)) {
      text += part;
      continue;
    }
    let best: Reading = { text: part, score: -1 };
    for (const reading of transliterateWord(part)) {
      const score = wordScore(reading, lexicon);
      if (score > best.score) best = { text: reading, score };
    }
    text += best.text;
    total += best.score;
    count += 1;
  }
  return { text, score: count === 0 ? 0 : total / count };
}

function layoutReading(chunk: string, lexicon: Lexicon): Reading {
  const text = fromWrongLayout(chunk);
  const words = normalizeWords(text);
  if (words.length === 0) return { text, score: 0 };
  return { text, score: words.reduce((s, w) => s + wordScore(w, lexicon), 0) / words.length };
}

/**
 * Rewrites the Latin parts of `raw` into Russian when that reading is convincing. The whole message is read one
 * way (people do not switch layouts mid-sentence), except that a single chunk is taken the other way when only
 * that reading makes it a known word.
 */
export function recoverLatin(raw: string, lexicon: Lexicon): RecoveredText {
  const chunks = raw.split(/(\s+)/);
  const hasCyrillic = chunks.some((c) => isCyrillicWord(c));
  const latin: { index: number; length: number; layout?: Reading; translit: Reading }[] = [];
  chunks.forEach((chunk, index) => {
    if (!/[a-z]/i.test(chunk) || isCyrillicWord(chunk) || /^https?:|www\.|@/.test(chunk)) return;
    const bare = chunk.replace(/[!?]+$/, '');
    // "инвалид II группы": Roman numerals inside Russian text are numbers, not letters to convert.
    const roman = ROMAN[bare.toLowerCase()];
    if (hasCyrillic && roman) {
      chunks[index] = roman;
      return;
    }
    latin.push({
      index,
      length: bare.length,
      layout: couldBeWrongLayout(bare) ? layoutReading(bare, lexicon) : undefined,
      translit: bestTransliteration(bare, lexicon),
    });
  });
  if (latin.length === 0) return { text: chunks.join(''), reading: 'as-typed' };

  const weight = latin.reduce((s, c) => s + c.length, 0);
  const layoutScore = latin.reduce((s, c) => s + (c.layout?.score ?? 0) * c.length, 0) / weight;
  const translitScore = latin.reduce((s, c) => s + c.translit.score * c.length, 0) / weight;
  const mode: LatinReading = layoutScore >= translitScore ? 'keyboard-layout' : 'transliteration';
  const accepted = Math.max(layoutScore, translitScore) >= ACCEPT;

  let changed = false;
  for (const c of latin) {
    const primary = mode === 'keyboard-layout' ? c.layout : c.translit;
    const other = mode === 'keyboard-layout' ? c.translit : c.layout;
    let pick: Reading | undefined;
    if (accepted) pick = other && other.score >= 0.7 && other.score > (primary?.score ?? 0) ? other : primary;
    else pick = [c.layout, c.translit].find((r) => r && r.score >= 0.7);
    if (pick && pick.score > 0) {
      chunks[c.index] = pick.text;
      changed = true;
    }
  }
  return { text: chunks.join(''), reading: changed ? mode : 'as-typed' };
}
