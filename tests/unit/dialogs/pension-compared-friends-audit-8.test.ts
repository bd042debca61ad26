/**
 * One's pension set beside a friend's, a colleague's, an acquaintance's (helper S, from helper R's «noticed»): «почему у
 * подруги пенсия больше» got «Я не уверен», «подруги» being in no entry and weighing as an unknown word, while «почему
 * у соседки пенсия больше чем у меня» got how a pension is counted. Whoever one knows is one word to the search now.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const HOW_COUNTED = 'Страховая пенсия по старости — условия (возраст, стаж, баллы) и как её считают';

describe('a pension compared with a friend’s or a colleague’s', () => {
  it.each([
    'почему у подруги пенсия больше',
    'почему у подруги пенсия больше чем у меня',
    'почему у соседа пенсия больше',
    'почему у коллеги пенсия больше',
    'почему у знакомой пенсия больше',
    'у подруги пенсия меньше а стаж больше',
  ])('«%s» gets how a pension is counted', (q) => {
    const reply = engineChat().send(q);
    expect(reply.text.startsWith(HOW_COUNTED), reply.text.slice(0, 80)).toBe(true);
  });

  it('a friend’s ЕДВ compared is the ЕДВ card; care for a neighbour the care of the elderly', () => {
    expect(engineChat().send('почему у подруги едв больше').text).toMatch(/^ЕДВ инвалидам/);
    expect(engineChat().send('как оформить уход за соседкой').text).toMatch(/^Уход за пожилым старше 80 лет/);
  });
});
