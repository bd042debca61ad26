/**
 * Questions typed at a step of the complaint instead of its answer: about this complaint itself («а сколько ждать
 * ответа?», «кто её прочитает», «ответ придёт сюда?»), which the form answers in place, and, where the story is
 * asked, another question plainly asked («какие документы нужны для субсидии»), which is not the story. The patterns
 * run over comparableText.
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

/** A question's first words, once «а», «и», «скажите» are left out: how it asks, not why («почему…» is a grievance). */
const PLAIN_QUESTION_START =
  /^(?:(?:а|и|ну|скажите|подскажите|пожалуйста|извините) )*(?:как|какие|какой|какая|какую|каков|сколько|где|куда|когда|кто|что нужно|что надо|нужно ли|надо ли|можно ли|положено ли|положена ли|положен ли|могу ли)( |$)/;
/** Words of something that went wrong, or a «не», which make a question the story («почему не дали пособие?»). */
const GRIEVANCE =
  /(^| )(не|нет|почему|зачем|отказ\S*|нахам\S*|нагруб\S*|груб\S*|хам\S*|обман\S*|потерял\S*|волокит\S*|заставил\S*)( |$)/;

/**
 * Another question plainly asked where the story is awaited («какие документы нужны для субсидии», «где взять справку
 * о доходах?»): short, asking how or what, nothing gone wrong in it. It was kept as the complaint's story.
 */
export function plainQuestion(text: string): boolean {
  const words = comparableText(text);
  return (
    words.split(' ').length <= MAX_WORDS &&
    PLAIN_QUESTION_START.test(words) &&
    !GRIEVANCE.test(words) &&
    asksQuestion(text)
  );
}
