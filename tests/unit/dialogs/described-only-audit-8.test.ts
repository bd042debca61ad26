/**
 * A first message that only says who someone is, nothing asked (helper R, from helper M's «noticed»): «мама 1940 года
 * рождения» got «Уточните…» led by the birth lump sum (on «рождения» and «мама»), «я 1955 года рождения» and «маме
 * 82 года» got «Я не уверен», «мама 1940 г.р.» the retirement age. Such a message asks what that group is entitled
 * to, as «…какие льготы» after it does: the group's overview.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const PENSIONERS = /^Льготы пенсионерам — что положено \(все меры в одном месте\)/;

describe('a message that only says who someone is', () => {
  it.each([
    'мама 1940 года рождения',
    'у меня мама 1940 года рождения',
    'папа 1945 года рождения',
    'я 1955 года рождения',
    'я 1955 г.р.',
    'мама 1940 г.р.',
    'маме 82 года',
    'бабушке 85 лет',
  ])('«%s» (a pensioner for certain) gets the pensioners’ overview, not the newborn’s payment', (q) => {
    const reply = engineChat().send(q);
    expect(reply.text).toMatch(PENSIONERS);
    expect(reply.text).not.toContain('при рождении');
    expect(reply.buttons.join('\n')).not.toContain('при рождении');
  });

  it('«я инвалид 2 группы» gets what people with a disability are entitled to (was the disability pension)', () => {
    expect(engineChat().send('я инвалид 2 группы').text).toMatch(
      /^Льготы людям с инвалидностью — что положено/,
    );
  });

  it('a description with a question keeps its own answer: the retirement age for the person, not the overview', () => {
    expect(engineChat().send('мне 60 лет женщина когда на пенсию').text).not.toMatch(PENSIONERS);
    expect(engineChat().send('я 1966 года рождения когда на пенсию').text).not.toMatch(PENSIONERS);
    // A year of birth too recent for certain is not the pensioners’ group: unchanged.
    expect(engineChat().send('я 1965 года рождения').text).not.toMatch(PENSIONERS);
  });

  it('a pensioner’s birth year or age with «что положено» gets the overview too (audit 8 follow-up, fixed before)', () => {
    expect(engineChat().send('я 1955 г.р. что мне положено').text).toMatch(PENSIONERS);
    expect(engineChat().send('мне 71 год что положено').text).toMatch(PENSIONERS);
  });
});
