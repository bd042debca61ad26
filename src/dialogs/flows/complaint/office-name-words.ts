/**
 * Text typed where the office is asked that names no office: a plea («помогите», «please»), the step not understood
 * («не понимаю»), or a question about the list itself («а какое выбрать?»). Each was kept as the office's name, or
 * answered by the knowledge base with an unrelated entry (citizen audit 6, L5). The patterns run over
 * comparableText.
 */
import { comparableText } from '../../../i18n/comparable-text.js';
import { asksQuestion } from './complaint-words.js';
import { OFFICE_WORDS } from './story-words.js';

/** «какое выбрать», «что мне нажать», «куда писать»: the list itself asked about. */
const ASKS_WHICH =
  /(^| )(какое|какой|какую|что|куда|кого|где) (мне |тут |здесь |же )?(выбрать|выбирать|нажать|нажимать|указать|указывать|писать|написать|выбрала?)( |$)/;
/** The question or the list not understood. */
const PUZZLED = /(^| )(не понял\S*|не понима\S*|непонятн\S*|запутал\S*)( |$)/;
/** Words that are never an office's name: pleas, greetings, particles, and their English twins. */
const NO_NAME_WORD =
  /^(помогите|помоги|помочь|помощь|пожалуйста|срочно|очень|здравствуйте|привет|спасибо|алло|ау|эй|ну|а|и|я|мне|что|это|так|please|help|hi|hello|thanks|thank|you|sorry|ok|what|i|dont|don|t|know|me)$/;

/** The list asked about («а какое выбрать?»): it is explained, not searched. */
export function asksWhichOffice(text: string): boolean {
  return ASKS_WHICH.test(comparableText(text));
}

/**
 * No office's name: a question or a puzzled reply without an office word, or only pleas and particles. An office
 * named in any words («поликлиника», «Минтруд») is taken as typed: a complaint may be about any office.
 */
export function namesNoOffice(text: string): boolean {
  const words = comparableText(text);
  if (OFFICE_WORDS.test(words)) return false;
  if (asksWhichOffice(text) || PUZZLED.test(words) || asksQuestion(text)) return true;
  const list = words.split(' ').filter(Boolean);
  return list.length > 0 && list.every((w) => NO_NAME_WORD.test(w));
}
