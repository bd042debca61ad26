/**
 * «мне 62 года когда пенсия» got «Я не уверен»: the age and «когда пенсия» matched too little, and the retirement-age
 * table answered an age only with the sex said. An age alone now finds the card, and its table answers for each sex.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const reply = (text: string) => engineChat().send(text).text;
const CARD = 'Во сколько лет выходят на пенсию — пенсионный возраст по году рождения';

describe('an age said without the sex, asking when the pension comes', () => {
  it('«мне 62 года когда пенсия»: women of 62 have reached the age, men born in 1963 or 1964 retire at 65', () => {
    const text = reply('мне 62 года когда пенсия');
    expect(text).toMatch(
      /^Женщины этого возраста уже достигли пенсионного возраста\.\nМужчины 1963 г\. р\. выходят на пенсию по старости в 65 лет — в 2028 г\./,
    );
    expect(text).toContain('Мужчины 1964 г. р. выходят на пенсию по старости в 65 лет — в 2029 г.');
    expect(text).toContain(CARD);
  });

  it('an age before both sexes’ pension age says it has not come, with both sexes’ lines; one past both, that it has', () => {
    const young = reply('мне 58 лет когда пенсия');
    expect(young).toContain('Женщины 1968 г. р. выходят на пенсию по старости в 60 лет — в 2028 г.');
    expect(young).toContain('Мужчины 1968 г. р. выходят на пенсию по старости в 65 лет — в 2033 г.');
    expect(young).toContain('Пенсионный возраст ещё не наступил.');
    expect(reply('мне 75 лет когда пенсия')).toMatch(/^По возрасту право на пенсию уже есть\./);
  });

  it('the sex said keeps its own verdict, and «когда пенсия» with no age is still the payment date among the choices', () => {
    expect(reply('мне 62 года женщина когда пенсия')).toMatch(/^По возрасту право на пенсию уже есть\./);
    expect(reply('когда пенсия')).toMatch(/^Уточните, пожалуйста/);
  });
});
