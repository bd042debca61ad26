/**
 * A letter with several needs and fewer than two question marks («…может ли ей приходить соцработник и сколько это
 * стоит, а также положена ли ей какая то доплата к пенсии…», «какие льготы мне положены по коммуналке и проезду, и
 * можно ли получить компенсацию за капремонт?»): searched whole, one need is answered and the others are dropped
 * unsaid (citizen audit 7, M10). The clauses that ask something, split where a letter joins its needs, are searched
 * one by one for buttons under the answer; the answer itself stays the one the whole letter found.
 */

import { comparableText } from '../i18n/comparable-text.js';

/** A message shorter than this is one need (a question with «и» in it, not a letter). */
const MIN_LETTER_WORDS = 12;
/** A clause needs this many words to be searched alone. */
const MIN_CLAUSE_WORDS = 3;

/**
 * Where a letter joins two needs: «а также», «и ещё», «кроме того», or «, и» before a question word («…проезду, и
 * можно ли…»). A bare «и» joins the parts of one need too often («соцработник и сколько это стоит»).
 */
const JOINS =
  /\s*(?:,?\s+(?:а также|а ещ[её]|и ещ[её]|и также|кроме того)\s+|,\s*и\s+(?=(?:можно|могу|могут|положен|полага|есть ли|как|куда|сколько|где|нужн)))/i;

/** A clause that asks for something: a question word, «ли», or a request for help. */
const ASKS =
  /(^| )(ли|как|каки\S*|како\S*|сколько|куда|где|можно|положен\S*|полага\S*|нужн\S*|подскажите|скажите|помогите|хочу)( |$)/;

/**
 * The clauses of a letter that ask something, in order, when there are at least two; otherwise none. Split sentence by
 * sentence on the raw text (the joins are commas), each clause read as `comparableText` reads it.
 */
export function needClauses(text: string): string[] {
  if (text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length < MIN_LETTER_WORDS) return [];
  const clauses = text
    .split(/[.!?…\n]+/)
    .flatMap((sentence) => sentence.split(JOINS))
    .map(comparableText)
    .filter((clause) => clause.split(' ').length >= MIN_CLAUSE_WORDS && ASKS.test(clause));
  return clauses.length >= 2 ? clauses : [];
}
