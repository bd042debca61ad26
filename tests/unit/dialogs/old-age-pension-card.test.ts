/**
 * The old-age pension itself. «пенсия по старости» offered how to apply, the 2027 indexation and the disability
 * pension, and «страховая пенсия по старости» got the social pension: the card that says what the insurance pension
 * is and what it needs (the age, 15 years of insurance, 30 points) had no word of «старость» where the search looks.
 * And «а сколько» after how to apply or the retirement age was the pensioners' overview (the subsistence minimum),
 * after «какая пенсия по старости положена» the pre-pensioners' benefits: the amount of the pension is how it is made
 * (points, the fixed payment) and where to learn one's own.
 */
import { describe, expect, it } from 'vitest';
import { lastReply } from '../../support/engine-chat.js';

const CARD = 'Страховая пенсия по старости — условия (возраст, стаж, баллы) и как её считают';
const TO_APPLY = 'Как оформить пенсию по старости — заявление, документы, когда подавать';

/** The title of the card shown, or the choices offered. */
function offered(...lines: string[]): string[] {
  const reply = lastReply(...lines);
  if (reply.text.startsWith('Уточните')) return reply.buttons.slice(0, 3);
  return [reply.text.split('\n')[0]!];
}

describe('the old-age pension asked about', () => {
  it('«пенсия по старости» leads with the insurance pension card, how to apply beside it', () => {
    expect(offered('пенсия по старости').slice(0, 2)).toEqual([CARD, TO_APPLY]);
  });

  it.each([
    'страховая пенсия по старости',
    'какая пенсия по старости положена',
    'пенсия по старости условия',
  ])('«%s» leads with the insurance pension card', (question) => {
    expect(offered(question)[0]).toBe(CARD);
  });

  it('a pension with no years of insurance is still the social pension', () => {
    expect(offered('пенсия по старости без стажа')[0]).toBe('Социальная пенсия — кому дают, если нет стажа');
  });

  it.each([
    'как оформить пенсию по старости',
    'какая пенсия по старости положена',
    'во сколько лет выходят на пенсию',
  ])('«а сколько» after «%s» is how the pension is made and where to learn one’s own', (question) => {
    const reply = lastReply(question, 'а сколько');
    expect(reply.text.split('\n')[0]).toBe(`${CARD} — Сколько платят`);
    expect(reply.text).toMatch(/баллы × стоимость балла/);
    expect(reply.text).toMatch(/Госуслугах — «Справка о назначенной пенсии/);
  });
});
