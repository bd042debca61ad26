/**
 * A choice of "which of these do you mean?" picked by its number, typed: «3», «третье», «первый вариант», «№ 2».
 * People on phones often type instead of pressing, and the number alone was searched and refused as off-topic
 * («С этим вопросом я, к сожалению, не помогу», a citizen audit).
 */
import { comparableText } from '../i18n/comparable-text.js';

/** The words of each place in a list (1-based), in the forms people type them. */
const PLACES: readonly (readonly string[])[] = [
  ['1', '1й', '1ый', '1ое', '1ая', 'первое', 'первый', 'первая', 'первую', 'один'],
  ['2', '2й', '2ой', '2ое', '2ая', 'второе', 'второй', 'вторая', 'вторую', 'два'],
  ['3', '3й', '3ий', '3ье', '3ья', 'третье', 'третий', 'третья', 'третью', 'три'],
  ['4', '4й', '4ый', '4ое', '4ая', 'четвертое', 'четвертый', 'четвертая', 'четвертую', 'четыре'],
];

/** How many places a typed number is read for (one more than the choices offered, at most). */
export const CHOICE_PLACES = 4;

/** Words that may stand around the number and say nothing else («давайте второе», «номер 3», «пункт первый»). */
const AROUND = new Set([
  // «3-е», «2-й» come apart at the hyphen
  'е',
  'й',
  'да',
  'наверное',
  'кнопку',
  'вопрос',
  'давайте',
  'давай',
  'мне',
  'номер',
  'вариант',
  'пункт',
  'кнопка',
  'ответ',
  'выбираю',
  'нажимаю',
  'про',
  'пожалуйста',
  'нужно',
  'нужен',
  'нужна',
  'надо',
  'это',
  'вот',
]);

/** The place (0-based) in a list of `count` choices that the message picks, or undefined. */
export function typedChoice(text: string, count: number): number | undefined {
  const words = comparableText(text).split(' ').filter(Boolean);
  if (words.length === 0 || words.length > 4) return undefined;
  let picked: number | undefined;
  for (const word of words) {
    const place = PLACES.findIndex((forms) => forms.includes(word));
    if (place >= 0) {
      // Two numbers («1 и 3», «2 года») are not one choice.
      if (picked !== undefined) return undefined;
      picked = place;
    } else if (!AROUND.has(word)) return undefined;
  }
  return picked !== undefined && picked < count ? picked : undefined;
}
