/**
 * A benefit set beside a relative's or a friend's (helper U's finding 2): the measure's own card on why amounts
 * differ, as a pension compared already gets the card on how a pension is counted. «у сестры единое пособие больше
 * почему» was «Я не уверен», «почему у брата детские больше» choices of the benefit's overview, its property rule and
 * payment dates, «почему у подруги пенсия по инвалидности больше» choices, «почему у сестры маткапитал больше»
 * choices of what the capital may be spent on.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

describe('a benefit compared with someone else’s', () => {
  it.each([
    'у сестры единое пособие больше почему',
    'почему у сестры единое пособие больше чем у меня',
    'почему у брата детские больше',
    'у мамы единое пособие больше чем у меня почему',
    'у сестры еп больше а детей столько же',
  ])('«%s» gets the unified benefit’s amount card: 50, 75 or 100% by income', (question) => {
    const reply = engineChat().send(question);
    expect(reply.text).toMatch(/^Сколько платят единое пособие на ребёнка — 50, 75 или 100%/);
    expect(reply.text).toContain('Сначала пробуют 50%');
  });

  it('«почему у подруги пенсия по инвалидности больше» gets the disability pension’s card', () => {
    expect(engineChat().send('почему у подруги пенсия по инвалидности больше').text).toMatch(
      /^Пенсия по инвалидности — страховая и социальная, от чего зависит размер/,
    );
  });

  it('«почему у сестры маткапитал больше» gets the capital’s amount card', () => {
    expect(engineChat().send('почему у сестры маткапитал больше').text).toMatch(
      /^Размер материнского капитала в 2026 году/,
    );
  });

  it.each([
    [
      'почему у сестры пособие по уходу за ребенком больше',
      /^Пособие по уходу за ребёнком до 1,5 лет — сколько платят/,
    ],
    ['у соседки остаток маткапитала больше почему', /^Как узнать остаток материнского капитала/],
    [
      'почему у соседки пенсия больше чем у меня',
      /^Страховая пенсия по старости — условия \(возраст, стаж, баллы\) и как её считают/,
    ],
  ])('another measure or part compared keeps its own card: «%s»', (question, card) => {
    expect(engineChat().send(question).text).toMatch(card);
  });
});
