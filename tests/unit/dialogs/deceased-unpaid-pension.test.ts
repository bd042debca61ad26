/**
 * The pension of someone who died, for the month of the death. «муж умер как получить его пенсию за последний месяц»
 * was the survivor's pension card, whose first line says a husband's pension is not passed on: true of the months
 * after, wrong for the month he died in, which his family living with him receives (400-ФЗ, art. 26).
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const UNPAID = /Пенсия умершего за последний месяц — кто и как её получает/;
const SURVIVOR = /Пенсия по потере кормильца — кому положена после смерти мужа, жены, родителя/;

describe('a pension not received because of a death', () => {
  it.each([
    'муж умер как получить его пенсию за последний месяц',
    'мама умерла пенсию не успела получить',
    'пенсия пришла на карту после смерти папы',
    'муж умер в день пенсии, деньги пропадут?',
    'дедушка умер в день пенсии, деньги пропадут?',
  ])('«%s» gets the month of the death paid to the family', (question) => {
    const reply = engineChat().send(question);
    expect(reply.text).toMatch(UNPAID);
    expect(reply.text).toContain('в течение 6 месяцев');
    expect(reply.text).not.toContain('«Пенсию мужа» или жены после смерти не переводят');
  });

  it.each(['муж умер положена ли мне его пенсия', 'можно ли получать свою пенсию и пенсию мужа умершего'])(
    '«%s» (a pension from now on) still gets the survivor’s pension',
    (question) => {
      expect(engineChat().send(question).text).toMatch(SURVIVOR);
    },
  );

  it('a death told without a question offers the month’s pension among the choices', () => {
    const reply = engineChat().send('моя мать умерла вчера помогите');
    expect(reply.buttons[0]).toMatch(SURVIVOR);
    expect(reply.buttons.slice(1, 3)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Пособие на похороны/), expect.stringMatching(UNPAID)]),
    );
  });
});
