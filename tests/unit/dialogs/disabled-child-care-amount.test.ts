/**
 * The care payment's amount asked of a disabled child (helper L): «сколько платят по уходу за ребенком инвалидом» was
 * the disabled child's overview, which names the sum among all its measures, with the care payment's own card a near
 * tie under «Ещё». «По уходу» with «сколько» names that payment: its card leads.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const CARE = /^Выплата по уходу за ребёнком-инвалидом или инвалидом с детства I группы/;
const OVERVIEW = /^Ребёнок-инвалид — что положено ребёнку и родителям/;

describe('the care payment’s amount for a disabled child', () => {
  it.each(['сколько платят по уходу за ребенком инвалидом', 'сколько платят за уход за ребенком инвалидом'])(
    '«%s» gets the care payment’s card, which says its sum',
    (q) => {
      const reply = engineChat().send(q);
      expect(reply.text).toMatch(CARE);
      expect(reply.text).toMatch(/10\s000\s₽ в месяц/);
    },
  );

  it('what a disabled child’s family gets is still the overview', () => {
    expect(engineChat().send('ребенок инвалид что положено сколько платят').text).toMatch(OVERVIEW);
  });
});
