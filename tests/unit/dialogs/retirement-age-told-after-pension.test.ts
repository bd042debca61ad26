/**
 * An age told alone after an answer or choices about the pension («когда пенсия», then «мне 62 года»): what that age
 * means for the pension, from the retirement-age table. It was the off-topic refusal after the choices, and the card's
 * parts offered after the retirement-age card.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const CARD = 'Во сколько лет выходят на пенсию — пенсионный возраст по году рождения';
const WOMEN_REACHED =
  /^Женщины этого возраста уже достигли пенсионного возраста\.\nМужчины 1963 г\. р\. выходят на пенсию по старости в 65 лет — в 2028 г\./;

/** The reply to the last of `lines`, sent in one chat. */
function lastOf(...lines: string[]): string {
  const chat = engineChat();
  let text = '';
  for (const line of lines) text = chat.send(line).text;
  return text;
}

describe('an age told alone after the pension', () => {
  it('«мне 62 года» after the choices of «когда пенсия»: the retirement age’s card with both sexes’ lines for 62', () => {
    const text = lastOf('когда пенсия', 'мне 62 года');
    expect(text).toMatch(WOMEN_REACHED);
    expect(text).toContain('Мужчины 1964 г. р. выходят на пенсию по старости в 65 лет — в 2029 г.');
    expect(text).toContain(CARD);
    expect(text).not.toMatch(/не помогу/);
    // A birth year alone, likewise.
    expect(lastOf('когда пенсия', 'я 1964 года рождения')).toContain(
      'Мужчины 1964 г. р. выходят на пенсию по старости в 65 лет — в 2029 г.',
    );
  });

  it('«мне уже 62 года», «мне сейчас 62 года», «мне уже 62» after «когда пенсия» get the lines «мне 62 года» gets (were refused as off-topic)', () => {
    const plain = lastOf('когда пенсия', 'мне 62 года');
    for (const said of ['мне уже 62 года', 'мне сейчас 62 года', 'мне уже 62', 'мне уже исполнилось 62']) {
      const text = lastOf('когда пенсия', said);
      expect(text, said).toBe(plain);
      expect(text, said).toMatch(WOMEN_REACHED);
    }
  });

  it('«мне 62 года» after the retirement age’s card: the table’s lines for 62, not the card’s parts offered', () => {
    const text = lastOf('во сколько лет выходят на пенсию', 'мне 62 года');
    expect(text).toMatch(WOMEN_REACHED);
    expect(text).not.toMatch(/^Если вы об ответе/);
  });

  it('after a card of another subject an age alone is not read as the pension’s', () => {
    expect(lastOf('как получить субсидию на жкх', 'мне 62 года')).not.toContain(CARD);
  });
});
