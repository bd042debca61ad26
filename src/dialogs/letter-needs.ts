/**
 * A letter with several needs and fewer than two question marks («…может ли ей приходить соцработник и сколько это
 * стоит, а также положена ли ей какая то доплата к пенсии…», «какие льготы мне положены по коммуналке и проезду, и
 * можно ли получить компенсацию за капремонт?»): searched whole, one need is answered and the others are dropped
 * unsaid (citizen audit 7, M10). The clauses that ask something, split where a letter joins its needs, are searched
 * one by one (with what the letter told of the person, where that picks the answer) for buttons under the answer; the
 * answer itself stays the one the whole letter found, unless that is a later need's and the first need has its own.
 */

import { comparableText } from '../i18n/comparable-text.js';
import { childrenAsked } from './per-child-sum.js';

/** A message shorter than this is one need (a question with «и» in it, not a letter). */
const MIN_LETTER_WORDS = 12;
/** A clause needs this many words to be searched alone. */
const MIN_CLAUSE_WORDS = 3;

/**
 * Where a letter joins two needs: «а также», «и ещё», «(и) кроме того», or «, и» before a question word («…проезду, и
 * можно ли…»). A bare «и» joins the parts of one need too often («соцработник и сколько это стоит»).
 */
const JOINS =
  /\s*(?:,?\s+(?:а также|а ещ[её]|и ещ[её]|и также|(?:и\s+)?кроме того)\s+|,\s*и\s+(?=(?:можно|могу|могут|положен|полага|есть ли|как|куда|сколько|где|нужн)))/i;

/**
 * The joins that always start another need. Within a question that ends with «?», «, и куда идти оформлять» asks
 * more of the same need (Maria's «Положена ли мне субсидия, и куда идти оформлять?» is how to apply for it).
 */
const NEED_JOINS = /\s*,?\s+(?:а также|а ещ[её]|и ещ[её]|и также|(?:и\s+)?кроме того)\s+/i;

/** A clause that asks for something: a question word, «ли», or a request for help. */
const ASKS =
  /(^| )(ли|как|каки\S*|како\S*|когда|сколько|куда|где|можно|положен\S*|полага\S*|нужн\S*|подскажите|скажите|помогите|хочу)( |$)/;

/**
 * The clauses of one sentence that ask something, split where it joins its needs, each read as `comparableText` reads
 * it. A clause after one that asked asks too, though it names only its need («…помощь с дровами и ещё доплата к
 * пенсии»: citizen audit 8, M1); one asking the sum for a number of children asks more of the need before it.
 */
function askingClauses(sentence: string, joins = JOINS): string[] {
  const parts = sentence.split(joins).map(comparableText);
  return parts.filter(
    (clause, i) =>
      clause.split(' ').length >= MIN_CLAUSE_WORDS &&
      (ASKS.test(clause) || (i > 0 && ASKS.test(parts[i - 1] ?? ''))) &&
      !asksForChildren(clause),
  );
}

/**
 * «…единое пособие, и сколько будет на двоих?»: the sum of the need before it for that many children, not a need of
 * its own (searched alone, it got a button to the maternity capital's amount; citizen audit 8, M1 l20).
 */
function asksForChildren(clause: string): boolean {
  return childrenAsked(`а ${clause}`) !== undefined;
}

/**
 * The clauses of a letter that ask something, in order, when there are at least two; otherwise none. Split sentence by
 * sentence on the raw text (the joins are commas), each clause read as `comparableText` reads it.
 */
export function needClauses(text: string): string[] {
  if (text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length < MIN_LETTER_WORDS) return [];
  const clauses = text.split(/[.!?…\n]+/).flatMap((sentence) => askingClauses(sentence));
  return clauses.length >= 2 ? clauses : [];
}

/**
 * The needs one question of a letter joins («Положено ли нам единое пособие и ещё можно ли получить 450 тысяч на
 * ипотеку?»): its asking clauses when there are two or more, else the question itself. Searched whole, such a question
 * was answered with its second need as «the first» (citizen audit 8, M1).
 */
export function questionNeeds(question: string): string[] {
  const clauses = askingClauses(question, NEED_JOINS);
  return clauses.length >= 2 ? clauses : [question];
}

/**
 * What a letter tells of the person before it asks («Мой отец ветеран боевых действий, 1955 г.р., живет в
 * Волгограде.»): its sentences before the first that asks, read as `comparableText` reads them; empty if it asks at
 * once. A need searched alone loses it: «Какие у него льготы по ЖКУ» got the disabled people's 50%, where the veteran's
 * own compensation answers (citizen audit 8, H8).
 */
export function toldSituation(text: string): string {
  const told: string[] = [];
  for (const sentence of text.split(/(?<=[.!?…\n])/)) {
    const clause = comparableText(sentence);
    if (/\?/.test(sentence) || ASKS.test(clause)) break;
    if (clause) told.push(clause);
  }
  return told.join(' ');
}
