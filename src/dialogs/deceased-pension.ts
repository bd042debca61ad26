/**
 * The pension of the one who died, told as a sum after a card written for the family after a death: «у него пенсия
 * была 25 тысяч» after the survivor's pension was «Я не уверен», and «у мужа пенсия была 30 тысяч» the retirement
 * age's card. The person tells what he got to learn what they will get; that card's «Сколько платят» says how its sum
 * is set (his pension is not passed on), so the sum told is answered with it, and no figure is made up.
 */
import { comparableText } from '../i18n/comparable-text.js';
import type { KnowledgeEntry } from '../knowledge/entry.js';
import { parseRichText } from '../messaging/rich-text.js';
import { sumAt } from './income-share.js';
import type { Turn } from './turn.js';

/** Whose pension it was: his or hers, a husband's, wife's or parent's, the deceased's. */
const WHOSE =
  /^(он|она|его|ее|него|нее|муж|мужа|мужу|жена|жены|супруг\S*|отец|отца|папа|папы|мама|мамы|мать|матери|покойн\S*|умерш\S*|кормильц\S*)$/;
/** The pension, or what he or she got. */
const PENSION = /^(пенси\S*|получал|получала)$/;
/** Words that ask: a question is the search's to answer («…как получить её за последний месяц»). */
const ASKS =
  /^(сколько|какая|какой|какую|какие|как|что|почему|зачем|можно|положен\S*|будет|будут|дадут|получу|получим|назначат|переведут|когда|где|куда|кто|ли)$/;
/** Smaller numbers are ages and years of service, not roubles a month. */
const MIN_SUM = 1000;
/** «1950» is a year of birth, not 1 950 ₽. */
const YEAR = /^(19\d\d|20[0-4]\d)$/;

/** Whether the message tells, without asking anything, the sum of a pension that was someone else's. */
export function tellsOthersPension(text: string): boolean {
  if (text.includes('?')) return false;
  const words = comparableText(text.replace(/(\d)[.,](\d)/g, '$1$2')).split(' ');
  if (words.some((w) => ASKS.test(w))) return false;
  if (!words.some((w) => WHOSE.test(w)) || !words.some((w) => PENSION.test(w))) return false;
  return words.some((w, i) => {
    if (!/^\d+$/.test(w)) return false;
    const { value, last } = sumAt(words, i);
    return value >= MIN_SUM && !(last === i && YEAR.test(w));
  });
}

/**
 * After a card of `forBereaved` (entries whose audience is a widow: the survivor's pension), a pension of someone
 * else told as a sum is answered with that card's «Сколько платят», led by a line that his pension is not passed on
 * as it is. False otherwise, or when the card has no such part.
 */
export function answeredByOthersPension(
  turn: Turn,
  query: string,
  shown: KnowledgeEntry,
  forBereaved: readonly KnowledgeEntry[],
): boolean {
  if (!forBereaved.includes(shown) || shown.sections.amount === undefined) return false;
  if (!/\d/.test(query) || !tellsOthersPension(query)) return false;
  turn.leadNextReply(parseRichText(turn.ctx.t('answer.deceased_pension_told')));
  turn.answerPart(shown, 'amount', 'follow-up:amount:deceased-pension');
  return true;
}
