/**
 * Questions typed at a step of the complaint instead of its answer: about this complaint itself («а сколько ждать
 * ответа?», «кто её прочитает», «ответ придёт сюда?»), which the form answers in place. The patterns run over
 * comparableText.
 */
import { comparableText } from '../../../i18n/comparable-text.js';
import { asksQuestion } from './complaint-words.js';

/**
 * Every word of a question about this complaint's answer: when, how long, who reads it, where it comes. A word
 * outside it (an office, a measure, «документы») makes it another question, for the knowledge base.
 */
const PROCESS_WORDS = new Set(
  (
    'а и ну скажите подскажите пожалуйста извините вот тогда потом сколько дней времени ждать ожидать ответа ' +
    'ответ ответы ответят ответите ответит ответа когда будет будут придет придут долго как скоро в какой какие ' +
    'срок сроки через кто жалобу жалобы жалоба жалобой мою мое эту на по о нее ее ней рассматривают рассматривать ' +
    'рассмотрят рассматривает рассмотрит рассмотрение рассмотрения прочитает прочитают прочтет читать читает ' +
    'будете вы сюда куда где чат чате этот этом мне нам вам же то это примерно обычно тут здесь получу получить ' +
    'узнаю узнать вообще ли её'
  ).split(' '),
);
/** The words that make it a question about the answer, not a bare «а вы кто». */
const ANSWER_CUE = /^(ответ\S*|рассм\S*|прочита\S*|прочтет|читать|читает|ждать|ожидать)$/;
const MAX_WORDS = 8;

/**
 * A question about this complaint's answer: «а сколько ждать ответа?», «когда будет ответ», «кто рассматривает
 * жалобы», «а ответ придет сюда?». At the office list it became the office's name, at «Опишите, что случилось» the
 * story, or it got the knowledge base's times for benefit applications (a citizen audit).
 */
export function asksAboutThisComplaint(text: string): boolean {
  const words = comparableText(text).split(' ').filter(Boolean);
  return (
    words.length > 0 &&
    words.length <= MAX_WORDS &&
    words.every((w) => PROCESS_WORDS.has(w)) &&
    words.some((w) => ANSWER_CUE.test(w)) &&
    (asksQuestion(text) ||
      words.some((w) => w === 'кто' || w === 'когда' || w === 'долго' || w === 'сколько'))
  );
}
