/**
 * Why a measure was refused is what its «Как обжаловать» part says: «не дали субсидию на жкх почему» got the card on
 * who may get the subsidy, and the reasons of a refusal (a debt, an income over the share) were left to the reader.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

describe('why a measure was refused', () => {
  it('leads «не дали субсидию на жкх почему» with the subsidy’s part on a refusal', () => {
    for (const question of [
      'не дали субсидию на жкх почему',
      'почему не дают субсидию на жкх',
      'отказали в субсидии на жкх почему',
    ]) {
      const reply = engineChat().send(question);
      expect(reply.text, question).toMatch(
        /^Как оформить субсидию на ЖКУ — документы и куда подать — Как обжаловать/,
      );
      expect(reply.text, question).toContain('Причина отказа указывается в решении (например, долг за ЖКУ');
    }
  });

  it('leads «почему отказали в едв» with the ЕДВ card’s own part on a refusal', () => {
    expect(engineChat().send('почему отказали в едв').text).toMatch(
      /^ЕДВ инвалидам — кому платят, как назначают и почему суммы разные — Как обжаловать/,
    );
  });

  it('keeps the conditions for a refusal told with its reason, and no «почему»', () => {
    expect(engineChat().send('мне отказали в субсидии потому что долг').text).toMatch(
      /^Субсидия на оплату ЖКУ — кому положена/,
    );
  });
});
