/**
 * «когда мама 1965 года рождения пойдет на пенсию волгоград» (helper U's «noticed») got «Я не уверен», also with
 * Volgograd known: Volgograd's payment to young mothers, which matched nothing but «мама», «года», «рождения», came
 * within 0.8 of the retirement age. An entry matching only the words describing someone, with a birth year, is no
 * rival to one that matched those and more.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const HER_LINE = /^Женщинам 1965 г\. р\. в 2025 г\. исполнилось 60 лет/;

describe('the retirement age asked with a birth year and a region', () => {
  it.each([
    'когда мама 1965 года рождения пойдет на пенсию волгоград',
    'когда мама 1965 года рождения пойдет на пенсию пермь',
    'когда мама 1965 года рождения пойдет на пенсию',
  ])('«%s» gets her line of the retirement age', (q) => {
    expect(engineChat().send(q).text).toMatch(HER_LINE);
  });

  it('with Volgograd known from the conversation, too', () => {
    const chat = engineChat();
    chat.send('волгоград');
    expect(chat.send('когда мама 1965 года рождения пойдет на пенсию').text).toMatch(HER_LINE);
  });

  it('the region’s own measure with a birth year keeps its answer', () => {
    expect(engineChat().send('я 2003 года рождения студентка родила пермь').text).toMatch(/Пермск/);
  });
});
