/**
 * A message that tells of a death in the family («моя мать умерла вчера помогите», «муж погиб на сво, что положено»):
 * the reply starts with condolences. It began «Уточните, пожалуйста, о чём вы спрашиваете:» (a held-out question).
 */
import { comparableText } from '../i18n/comparable-text.js';

/**
 * Someone died: past tense only («если я умру» is a plan, not a loss), or one person named as fallen beside a close
 * one («мать погибшего на сво»: the mother writes of her son; «погибших» is families in general). The search folds
 * the same verbs into «смерть» (data/search/synonyms.yaml), but that is another reading, not this list written twice:
 * there «разбился» and «смерть» anywhere count too; here a loss told in the past tense, or named by its noun before the
 * close one («после смерти папы»), is condoled.
 */
const DIED =
  /^(умер|умерла|умерли|скончался|скончалась|скончались|погиб|погибла|погибли|погибшего|погибшей|умершего|умершей)$/;
/** «не стало мамы». */
const GONE = /(^| )не стало( |$)/;
/** A person close to the one writing, in the forms said beside «умер». */
const CLOSE =
  /^(мама|мать|мамы|матери|папа|отец|папы|отца|муж|мужа|супруг|супруга|жена|жены|сын|сына|дочь|дочка|дочери|бабушка|бабушки|дедушка|дедушки|дед|деда|брат|брата|сестра|сестры|ребенок|ребенка|родители|родителей|свекровь|свекор|теща|тесть)$/;
/** Not about a loss of one's own: a question of what if, or of others in general. */
const NOT_OWN = /^(если|когда|вдруг|чей|чьи)$/;
/**
 * «после смерти папы», «в связи со смертью мужа»: a loss named by the noun, the close one just after it («моего»
 * between). «что будет с пенсией после смерти мужа» is a plan: the future tense keeps it out.
 */
const DEATH_NOUN = /^(смерти|смертью|гибели|гибелью)$/;
const BEFORE_NOUN = /^(после|со|за|изза)$/;
const POSSESSIVE = /^(моего|моей|нашего|нашей|моих|наших)$/;
const FUTURE = /^(будет|будут|буду|станет)$/;

/** The loss named by its noun: «после смерти папы», «со смертью моего мужа». */
function namesDeathOfClose(words: string[]): boolean {
  if (words.some((w) => FUTURE.test(w))) return false;
  for (let i = 1; i < words.length; i++) {
    if (!DEATH_NOUN.test(words[i] ?? '') || !BEFORE_NOUN.test(words[i - 1] ?? '')) continue;
    const next = POSSESSIVE.test(words[i + 1] ?? '') ? words[i + 2] : words[i + 1];
    if (next !== undefined && CLOSE.test(next)) return true;
  }
  return false;
}

export function tellsOfBereavement(text: string): boolean {
  const words = comparableText(text).split(' ');
  if (words.some((w) => NOT_OWN.test(w))) return false;
  const died = words.some((w) => DIED.test(w)) || GONE.test(words.join(' '));
  return (died && words.some((w) => CLOSE.test(w))) || namesDeathOfClose(words);
}
