/**
 * Birth years written short (helper V's brief): «я 68 г р что положено» was read as a person aged 68 and got the
 * pensioners' overview (born in 1968, the person is 58, before the pension), «я шестьдесят…» got the retirement-age
 * card without the person's line. Read as «1968 г р», «1965 года рождения», they get what the four digits get.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const PENSIONERS = /^Льготы пенсионерам — что положено/;

describe('a birth year in two digits or in words', () => {
  it('«я 68 г р что положено» gets the retirement age of those born in 1968, as «я 1968 г р…» does', () => {
    const short = engineChat().send('я 68 г р что положено');
    expect(short.text).toMatch(/^Женщины 1968 г\. р\. выходят на пенсию по старости в 60 лет/);
    expect(short.text).not.toMatch(PENSIONERS);
    expect(short).toEqual(engineChat().send('я 1968 г р что положено'));
  });

  it('«я шестьдесят пятого года рождения когда на пенсию» gets the line for 1965', () => {
    expect(engineChat().send('я шестьдесят пятого года рождения когда на пенсию').text).toMatch(
      /^Женщинам 1965 г\. р\. в 2025 г\. исполнилось 60 лет/,
    );
  });

  it('«муж 63 г.р. когда пенсия» and «мама 40 г.р. что положено» as with four digits', () => {
    expect(engineChat().send('муж 63 г.р. когда пенсия').text).toMatch(
      /^Мужчины 1963 г\. р\. выходят на пенсию по старости в 65 лет — в 2028 г\./,
    );
    expect(engineChat().send('мама 40 г.р. что положено').text).toMatch(PENSIONERS);
  });

  it('«мама 40 года рождения» (was «Я не уверен») gets the pensioners’ overview', () => {
    expect(engineChat().send('мама 40 года рождения').text).toMatch(PENSIONERS);
  });

  it('«когда мама 65 года рождения пойдет на пенсию волгоград» gets her line, not the young mothers’ payment', () => {
    const reply = engineChat().send('когда мама 65 года рождения пойдет на пенсию волгоград');
    expect(reply.text).toMatch(/^Женщинам 1965 г\. р\. в 2025 г\. исполнилось 60 лет/);
    expect(reply.text).not.toContain('молодым мамам');
  });

  it('an age stays an age: «мне 68 лет что положено» gets the pensioners’ overview', () => {
    expect(engineChat().send('мне 68 лет что положено').text).toMatch(PENSIONERS);
  });
});
