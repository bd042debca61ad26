/**
 * Families of SVO participants (citizen audit 7, L8), in a fresh chat each: a widow or a mother in Volgograd was shown
 * the Perm regional payment to participants' wives at birth (134 650 ₽) in the families' short answer. The Perm
 * payment is its own Perm entry's answer, and stays in the families' «Сколько платят» under its region's name.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const reply = (text: string) => engineChat().send(text);

describe('SVO families: another region’s payment is not in the short answer', () => {
  it('a Volgograd widow, a mother whose son fell and a wife whose husband is missing get the families’ card without the Perm payment', () => {
    for (const q of [
      'вдова участника сво какие выплаты положены и куда идти в волгограде',
      'сын погиб на сво что положено семье',
      'муж пропал без вести на сво что делать с выплатами',
    ]) {
      const r = reply(q);
      expect(r.text, q).toContain('Поддержка семей участников СВО');
      expect(r.text, q).not.toContain('134');
      expect(r.text, q).not.toContain('Пермском крае');
    }
  });

  it('a Perm wife who gave birth gets the Perm payment’s own card with its amount', () => {
    const r = reply('родила пока муж на сво, есть выплата от края пермь');
    expect(r.text).toMatch(/^Краевая выплата при рождении ребёнка студенткам и жёнам участников СВО/);
    expect(r.text.replace(/\s/g, ' ')).toContain('134 650 ₽');
  });

  it('the mother of a fallen soldier (the base has no entry of her own, nor checked facts for one) is given condolences, the families’ card that sends a death to a consultant, and the consultant’s button', () => {
    for (const q of [
      'мать погибшего на сво что положено',
      'я мама погибшего участника сво какие выплаты',
      'выплаты матери погибшего бойца',
      'пенсия матери погибшего на сво',
    ]) {
      const r = reply(q);
      expect(r.text, q).toMatch(/^Примите мои соболезнования\.\s+Поддержка семей участников СВО/);
      expect(r.text, q).toContain(
        'Если близкий погиб, выплаты зависят от обстоятельств — лучше разобрать их с консультантом',
      );
      expect(r.buttons, q).toContain('👤 Консультант');
    }
  });
});
