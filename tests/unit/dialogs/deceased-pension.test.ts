/**
 * The pension of the one who died, told as a sum after the survivor's pension card: «у него пенсия была 25 тысяч» was
 * «Я не уверен», and «у мужа пенсия была 30 тысяч» the retirement age's card. The card's «Сколько платят» says how the
 * sum is set (from his pension points, not his pension passed on).
 */
import { describe, expect, it } from 'vitest';
import { tellsOthersPension } from '../../../src/dialogs/deceased-pension.js';
import { engineChat } from '../../support/engine-chat.js';

const AMOUNT =
  'Пенсия по потере кормильца — кому положена после смерти мужа, жены, родителя — Сколько платят';

describe('a pension of the one who died, told after the survivor pension card', () => {
  it.each([
    ['пенсия по потере кормильца', 'у него пенсия была 25 тысяч'],
    ['муж умер, положена ли мне его пенсия', 'у мужа пенсия была 30 тысяч'],
    ['пенсия по потере кормильца', 'мама получала 18000'],
  ])('«%s» then «%s»: how the survivor pension is set', (question, told) => {
    const chat = engineChat();
    chat.send(question);
    const reply = chat.send(told);
    expect(reply.text).toContain('Пенсию умершего семье не переводят');
    expect(reply.text).toContain(AMOUNT);
    expect(reply.text).toContain('пенсионных баллов');
  });

  it('a told sum of someone else is read; one of one’s own, a year or a question is not', () => {
    expect(tellsOthersPension('у него пенсия была 25 тысяч')).toBe(true);
    expect(tellsOthersPension('пенсия мужа 28 450')).toBe(true);
    expect(tellsOthersPension('у меня пенсия 12000')).toBe(false);
    expect(tellsOthersPension('муж 1950 года рождения пенсия')).toBe(false);
    expect(tellsOthersPension('у него пенсия была 25 тысяч, сколько мне дадут?')).toBe(false);
  });
});
