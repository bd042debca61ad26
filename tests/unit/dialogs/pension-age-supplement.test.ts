/**
 * «Доплата к пенсии за возраст» (citizen audit 7, M10 and the brief after it): by law the only supplement for age is
 * the fixed payment doubled from 80 (400-ФЗ, art. 17); pensioners also call the supplement up to the subsistence
 * minimum «доплата к пенсии», which does not depend on age. The first is answered, the second a button away.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const reply = (text: string) => engineChat().send(text);
const SUPPLEMENT_BUTTON = '➡️ Ещё: Доплата к пенсии до прожиточного минимума';

describe('a supplement to the pension asked for age', () => {
  it('is the fixed payment doubled from 80, with «До 80 лет особой прибавки по возрасту нет», and the supplement to the minimum on a button (were choices of the supplement and the retirement age, or the supplement alone)', () => {
    for (const q of [
      'доплата к пенсии за возраст',
      'положена ли доплата к пенсии за возраст',
      'прибавка к пенсии за возраст',
    ]) {
      const r = reply(q);
      expect(r.text, q).toMatch(/^Надбавки к пенсии — после 80 лет/);
      expect(r.text, q).toContain('До 80 лет особой прибавки по возрасту нет.');
      expect(r.buttons, q).toContain(SUPPLEMENT_BUTTON);
    }
  });

  it('leaves the supplement up to the minimum asked as such to its own card', () => {
    for (const q of ['доплата к пенсии до прожиточного минимума', 'доплата к пенсии пенсионерам']) {
      expect(reply(q).text, q).toMatch(/^Доплата к пенсии до прожиточного минимума/);
    }
  });
});
