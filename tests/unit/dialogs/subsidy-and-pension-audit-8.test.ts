/**
 * The housing subsidy and the pension supplement as citizens ask about them after audit 8's follow-ups: the subsidy's
 * own example question answered by another of its entries, sums and debts told after its card, pensioners asking for
 * a supplement in their own words.
 */
import { describe, expect, it } from 'vitest';
import { lastReply } from '../../support/engine-chat.js';

const ELIGIBILITY = 'Субсидия на оплату ЖКУ — кому положена (правило 22%)';

describe('the housing subsidy asked what it is', () => {
  it('«что такое субсидия на жку» gets who may get it, how to apply a button away (was the renewal every 6 months)', () => {
    for (const q of ['что такое субсидия на жку', 'субсидия на коммуналку что это']) {
      const reply = lastReply(q);
      expect(reply.text.startsWith(ELIGIBILITY), q).toBe(true);
      expect(reply.buttons).toContain('➡️ Ещё: Как оформить субсидию на ЖКУ — документы и куда подать');
    }
  });

  it('«что такое единое пособие» gets the benefit itself, its amount a button away (was the amount card)', () => {
    const reply = lastReply('что такое единое пособие');
    expect(reply.text).toMatch(/^Единое пособие на детей до 17 лет — кому положено/);
    // A word asking a part of it still gets that part's entry.
    expect(lastReply('единое пособие сколько').text).toMatch(/^Сколько платят единое пособие/);
  });
});
