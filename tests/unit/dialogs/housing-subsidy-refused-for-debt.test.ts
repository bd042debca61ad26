/**
 * The housing subsidy refused for a utility debt: «мне отказали в субсидии потому что долг» was the 6-month renewal's
 * card. Its conditions (a debt bars it unless a repayment agreement is made) are what the person can act on; a subsidy
 * suspended for a debt keeps the renewal's card, which says when that happens.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

describe('the housing subsidy and a utility debt', () => {
  it('refused for a debt: the conditions, with the repayment agreement', () => {
    const reply = engineChat().send('мне отказали в субсидии потому что долг');
    expect(reply.text).toMatch(/^Субсидия на оплату ЖКУ — кому положена/);
    expect(reply.text).toContain('соглашение о погашении');
  });

  it('suspended for a debt: the renewal’s card', () => {
    expect(engineChat().send('субсидию приостановили из за долга').text).toMatch(
      /^Продление субсидии на ЖКУ каждые 6 месяцев/,
    );
  });
});
