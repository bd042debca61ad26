/**
 * Pensions asked by a profession or by the funded part, which the knowledge base answers only so far. A teacher's or a
 * medic's early pension is on the retirement age's card (its early cases: «педагоги, медики… по особым правилам и
 * спискам», and where to ask): «пенсия медикам досрочно» was a list with how to get a disability (its «медико-»),
 * «пенсия за выслугу лет учителям» how to apply for the old-age pension. The funded pension has no card: «накопительная
 * пенсия как получить» was answered, sure of itself, with the maternity capital's other uses.
 */
import { describe, expect, it } from 'vitest';
import { lastReply } from '../../support/engine-chat.js';

const RETIREMENT_AGE = 'Во сколько лет выходят на пенсию — пенсионный возраст по году рождения';

describe('a pension asked by a profession', () => {
  it.each(['пенсия медикам досрочно', 'пенсия за выслугу лет учителям'])(
    '«%s» gets the retirement age card, which names teachers and medics',
    (question) => {
      const reply = lastReply(question);
      expect(reply.text.startsWith(RETIREMENT_AGE), reply.text.slice(0, 120)).toBe(true);
      expect(reply.text).toContain('педагоги и медики (по особым правилам)');
    },
  );

  it('a military service pension is not sent to the retirement age card', () => {
    expect(lastReply('пенсия за выслугу лет военным').text.startsWith(RETIREMENT_AGE)).toBe(false);
  });
});

describe('the funded pension', () => {
  it('is not answered with the maternity capital’s uses unless the capital is named', () => {
    const reply = lastReply('накопительная пенсия как получить');
    expect(reply.text).not.toContain('Маткапитал на учёбу');
    expect(reply.buttons.some((b) => b.includes('консультант'))).toBe(true);
    expect(lastReply('маткапитал на накопительную пенсию').text).toContain('Маткапитал на учёбу');
  });
});
