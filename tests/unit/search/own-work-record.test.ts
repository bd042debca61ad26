/**
 * How to see one's own record of service: «как узнать свой стаж» was «стаж» alone to the search, and choices with the
 * carer's compensation. The old-age pension's card says where it is seen (Госуслуги, the Social Fund).
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

describe('one’s own record of service', () => {
  it('answers «как узнать свой стаж» and its like with the card that says where to see it', () => {
    for (const question of ['как узнать свой стаж', 'как проверить стаж', 'выписка о стаже']) {
      const reply = engineChat().send(question);
      expect(reply.text, question).toMatch(/^Страховая пенсия по старости — условия/);
      expect(reply.text, question).toContain('Свои стаж и баллы смотрите на Госуслугах');
    }
  });
});
