/**
 * A message with several questions ("может ли ей кто-то помогать по дому, куда обращаться? И положены ли ей скидки
 * на коммуналку как инвалиду?"): searched whole, the words of both blur into choices that miss one of them (a
 * citizen audit: a relative's letter got three choices, none of them the ЖКУ discount she asked about). Each
 * question searched alone is usually clear.
 */

/** At most this many questions are answered from one message: the first, and a button for each other. */
export const MAX_QUESTIONS = 3;
/** A question needs this many words to be searched alone ("да?", "как?" are not questions of their own). */
const MIN_QUESTION_WORDS = 3;

/** The sentences of a message that end with "?", in order, when there are at least two of them. */
export function questionSentences(text: string): string[] {
  const questions = (text.match(/[^.!?…\n]+\?+/g) ?? [])
    .map((s) => s.replace(/\?+$/, '').trim())
    .filter((s) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length >= MIN_QUESTION_WORDS);
  return questions.length >= 2 ? questions.slice(0, MAX_QUESTIONS) : [];
}
