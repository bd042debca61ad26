/**
 * Working on a pension, asked as a first message in the citizen's words, through the whole engine: the card it opens
 * with.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const first = (line: string) => engineChat().send(line);

describe('working on a pension', () => {
  it('«можно ли получать пенсию и работать» gets the working pensioners’ card, which says what stops (it was «Я не уверен» with the disability pension)', () => {
    for (const q of [
      'можно ли получать пенсию и работать',
      'можно ли работать на пенсии',
      'работающий пенсионер',
      'если я работаю пенсию платят?',
    ]) {
      const reply = first(q);
      expect(reply.text, q).toContain('Можно ли работать на пенсии');
      expect(reply.text, q).toContain('Работать на пенсии можно');
      expect(reply.text, q).toContain('доплата до прожиточного минимума пенсионера');
    }
  });

  it('«военный пенсионер может работать» gets that card, which says the military pension is the service’s own (it was «Я не уверен»)', () => {
    const reply = first('военный пенсионер может работать');
    expect(reply.text).toContain('Работать на пенсии можно');
    expect(reply.text).toContain('Пенсию за выслугу лет назначает ведомство, где служил человек');
  });

  it('one not yet retired who works keeps the retirement age’s line for the person, and a pension with «доплатят» keeps the supplement', () => {
    expect(first('я 1960 года рождения женщина еще не на пенсии работаю').text).toMatch(
      /^Женщинам 1960 г\. р\./,
    );
    expect(first('пенсия 12000 мне доплатят').text).toMatch(/^Доплата к пенсии до прожиточного минимума$/m);
  });

  it('a question naming the social or the disability pension, the indexation or the August recalculation keeps its own card, which says what work changes', () => {
    expect(first('социальную пенсию платят если работаешь?').text).toContain('Социальная пенсия — кому дают');
    expect(first('можно ли работать и получать пенсию по инвалидности').text).toContain(
      'Работать можно, пенсию не снимут',
    );
    for (const q of [
      'августовский перерасчет работающим пенсионерам что это',
      'работающим пенсионерам индексация',
      'будут ли индексировать пенсию работающим',
    ]) {
      expect(first(q).text, q).toMatch(/^Индексация страховых пенсий в 2026 году/);
    }
  });
});
