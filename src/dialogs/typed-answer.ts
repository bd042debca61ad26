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

const LEAD_YES = new Set(['да', 'ага']);
const LEAD_NO = new Set(['нет', 'неа', 'нету']);
/** Words after «нет»/«да» that make the rest more than a reason: a «но», or a question of its own. */
const NOT_A_REASON = new Set(
  'но а однако только кроме или сколько как где куда когда что какие какой почему зачем можно'.split(' '),
);
/** Words a reason may have after «нет»/«да»: «нет мы молодые», «да получаю пенсию». */
const MAX_REASON_WORDS = 3;

/**
 * «нет мы молодые» at «Получает ли кто-то пенсию?», «да получаю»: the answer and a short reason, without a question
 * or a «но» after it. «нет мы молодые» left the questionnaire for «Молодая семья» (citizen audit 5, H2). Only where
 * the caller asks for it (`withReason`): at a complaint's summary «нет подождите» is no «Отменить».
 */
function ledBy(text: string, typed: readonly string[], lead: ReadonlySet<string>): boolean {
  const rest = typed.slice(1);
  return (
    lead.has(typed[0] ?? '') &&
    rest.length > 0 &&
    rest.length <= MAX_REASON_WORDS &&
    !text.includes('?') &&
    !rest.some((w) => NOT_A_REASON.has(w) || LEAD_YES.has(w) || LEAD_NO.has(w))
  );
}

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
  yesNo: { yes?: T; no?: T; withReason?: boolean } = {},
): T | undefined {
  const typed = words(text);
  if (typed.length === 0) return undefined;
  const phrase = typed.join(' ');
  const labelled = options.map((o) => ({ value: o.value, words: words(o.label) }));
  // A label typed out whole, however long: «Не работаю (на пенсии, уход за близкими, дом)» (8 words) left the
  // questionnaire where a button press arrives as its text (citizen audit 6).
  const exact = labelled.find((o) => o.words.join(' ') === phrase);
  if (exact) return exact.value;
  if (typed.length > 6) return undefined;
  if (yesNo.yes !== undefined && YES.has(phrase)) return yesNo.yes;
  if (yesNo.no !== undefined && NO.has(phrase)) return yesNo.no;
  const containing = labelled.filter((o) => typed.every((w) => o.words.includes(w)));
  if (containing.length === 1) return containing[0]!.value;
  if (!yesNo.withReason) return undefined;
  if (yesNo.yes !== undefined && ledBy(text, typed, LEAD_YES)) return yesNo.yes;
  if (yesNo.no !== undefined && ledBy(text, typed, LEAD_NO)) return yesNo.no;
  return undefined;
}
