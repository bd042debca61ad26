/**
 * Pensions compared with a relative's that still failed after helper V's context words (helper V's notes; helper W):
 * «почему у сестры пенсия больше хотя я работала дольше» got choices and «…у мамы… чем у меня хотя я работала
 * дольше» «Я не уверен» («хотя», «дольше» were in no word of the counting card); «почему у родственницы пенсия
 * больше» a hand-off («родственницы» was read by the spelling correction, at its lower weight); «у брата пенсия по
 * инвалидности больше почему» choices (the comparison could not reach across «пенсия по инвалидности»). Each now
 * gets its card: how a pension is counted, or the disability pension's, which says what its size depends on.
 */
import { describe, expect, it } from 'vitest';
import { lastReplyPlainSpaces as lastReply } from '../../support/engine-chat.js';

const COUNTING = 'Страховая пенсия по старости — условия (возраст, стаж, баллы) и как её считают';
const DISABILITY = 'Пенсия по инвалидности — страховая и социальная, от чего зависит размер';

describe('a pension compared with a relative’s', () => {
  it.each([
    ['почему у сестры пенсия больше хотя я работала дольше', COUNTING],
    ['почему у мамы пенсия больше чем у меня хотя я работала дольше', COUNTING],
    ['почему у родственницы пенсия больше', COUNTING],
    ['у брата пенсия по инвалидности больше почему', DISABILITY],
    ['пенсия по инвалидности у сестры выше почему', DISABILITY],
  ])('«%s» is answered with «%s»', (question, title) => {
    expect(lastReply(question).text.startsWith(title), lastReply(question).text.slice(0, 100)).toBe(true);
  });

  it('a death told still gets the survivor’s pension', () => {
    // The father's death is condoled first (52ce8a8).
    expect(lastReply('почему у мамы пенсия больше после смерти папы').text).toMatch(
      /^Примите мои соболезнования\.\s+Пенсия по потере кормильца/,
    );
  });
});
