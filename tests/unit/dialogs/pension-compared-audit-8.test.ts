/**
 * One's pension set beside someone else's (helper R, from helper N's «noticed»): «почему у соседки пенсия больше чем у
 * меня» got the ЕДВ card («…почему суммы разные», its example compares a neighbour's ЕДВ), «почему пенсии у всех
 * разные» too, «почему у мужа пенсия больше чем у меня» the survivor's pension. How a pension is counted is the answer:
 * стаж, баллы × the point's value + the fixed payment, the raising coefficients.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const HOW_COUNTED = 'Страховая пенсия по старости — условия (возраст, стаж, баллы) и как её считают';

describe('one’s pension compared with someone else’s', () => {
  it.each(['почему у соседки пенсия больше чем у меня', 'почему пенсии у всех разные'])(
    '«%s» gets how a pension is counted, not the ЕДВ card',
    (q) => {
      const reply = engineChat().send(q);
      expect(reply.text.startsWith(HOW_COUNTED), reply.text.slice(0, 80)).toBe(true);
      expect(reply.text).toContain('Пенсия = баллы ×');
      expect(reply.text).not.toContain('ЕДВ инвалидам');
    },
  );

  it('«почему у мужа пенсия больше чем у меня» is not the survivor’s pension (nobody died); how it is counted is the answer', () => {
    const reply = engineChat().send('почему у мужа пенсия больше чем у меня');
    expect(reply.text).not.toMatch(/потер[ия] кормильца/i);
    // Offered under «Я не уверен» until the husband weighed as context (helper V); now the answer.
    expect(reply.text.startsWith(HOW_COUNTED), reply.text.slice(0, 80)).toBe(true);
  });

  it('a neighbour’s ЕДВ compared is still the ЕДВ card; a pension told miscounted is still contested', () => {
    expect(engineChat().send('почему у соседки тоже 2 группа а едв больше чем у меня').text).toMatch(
      /^ЕДВ инвалидам/,
    );
    expect(
      engineChat().send('мне насчитали пенсию меньше чем соседке хотя стаж у меня больше не учли колхоз')
        .text,
    ).not.toMatch(new RegExp(`^${HOW_COUNTED}`));
  });
});
