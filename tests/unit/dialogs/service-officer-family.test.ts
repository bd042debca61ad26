/**
 * A fallen police (Rosgvardia, MChS, FSIN) officer's family: their pension and payments come from the service he
 * was in, not from the Social Fund, and the SVO families' card is not theirs unless he fell in the SVO zone.
 * «семья погибшего сотрудника полиции какие выплаты» got the SVO families' card; «сын погиб при исполнении…
 * полицейский», choices of the SVO card and the survivor's pension.
 */
import { describe, expect, it } from 'vitest';
import { lastReplyPlainSpaces as lastReply } from '../../support/engine-chat.js';

const CARD = 'Погиб сотрудник полиции, Росгвардии, МЧС, ФСИН — куда обращаться семье';

describe("a fallen officer's family", () => {
  it.each([
    'семья погибшего сотрудника полиции какие выплаты',
    'сын погиб при исполнении служебных обязанностей он был полицейский',
    'муж сотрудник мвд погиб что положено',
    'выплаты вдове сотрудника росгвардии',
  ])('«%s» gets the card sending them to his service', (question) => {
    const reply = lastReply(question);
    expect(reply.text).toContain(CARD);
    expect(reply.text).toContain('назначает ведомство, где он служил');
    expect(reply.text).not.toContain('Поддержка семей участников СВО — куда обращаться');
  });

  it('the SVO families and a husband who died keep their own cards', () => {
    expect(lastReply('сын погиб на сво какие выплаты').text).toContain('Поддержка семей участников СВО');
    expect(lastReply('муж умер что положено').text).toContain('Пенсия по потере кормильца');
  });
});
