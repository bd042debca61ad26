/**
 * A typed reply read as one of the buttons a question offered. Elderly people type "да", "нет", "двое" or a
 * button's words instead of pressing it; the questionnaire and the complaint took such a reply for a new question and
 * dropped what had been answered (a citizen audit).
 */
import { comparableText } from '../i18n/comparable-text.js';

/** One button of a question: the value it stands for and its label as shown. */
export interface TypedOption<T> {
  value: T;
  label: string;
}

const YES = new Set(['да', 'ага', 'угу', 'конечно', 'да да', 'да конечно', 'давайте', 'можно', 'хорошо']);
const NO = new Set(['нет', 'неа', 'нету', 'не', 'нет нет', 'нет не надо', 'не надо']);

/** The words as a reader compares them: "❌ Нет!" and "нет" read alike. */
function words(text: string): string[] {
  return comparableText(text).split(' ').filter(Boolean);
}

/**
 * The option a typed reply names: "да" or "нет" (when the question has an option for it), a label typed out, or words
 * found in one label only ("один" in "Я один (одна)"). Undefined when the reply names none, or several.
 */
export function typedAnswer<T>(
  text: string,
  options: readonly TypedOption<T>[],
  yesNo: { yes?: T; no?: T } = {},
): T | undefined {
  const typed = words(text);
  if (typed.length === 0 || typed.length > 6) return undefined;
  const phrase = typed.join(' ');
  if (yesNo.yes !== undefined && YES.has(phrase)) return yesNo.yes;
  if (yesNo.no !== undefined && NO.has(phrase)) return yesNo.no;
  const labelled = options.map((o) => ({ value: o.value, words: words(o.label) }));
  const exact = labelled.find((o) => o.words.join(' ') === phrase);
  if (exact) return exact.value;
  const containing = labelled.filter((o) => typed.every((w) => o.words.includes(w)));
  return containing.length === 1 ? containing[0]!.value : undefined;
}
