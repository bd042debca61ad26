/**
 * A deduction from one's pension, wages or benefit for a debt (helper B's finding 1): the card on what may be held
 * back for debts (no more than half of a pension, the subsistence minimum kept on request, benefits for children
 * protected), whatever the debt is for. «с пенсии удерживают за долги за свет» was the housing subsidy's card, on
 * «свет» read as utilities and «долги».
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const DEDUCTIONS = /^Приставы или банк списали пособие — какие выплаты нельзя забирать за долги/;

describe('a deduction for a debt', () => {
  it.each([
    'с пенсии удерживают за долги за свет',
    'удерживают из зарплаты долг за газ',
    'приставы списали пенсию за долги по коммуналке',
    'с карты списали пособие за долг за квартиру',
    'удерживают с пенсии за жкх',
    'с пенсии удерживают за долги',
    'из пенсии вычитают за долги за газ',
    'забирают половину пенсии за долг по квартплате',
    'забрали с карты пособие за долги за свет',
  ])('«%s» is answered with what may be held back for debts', (question) => {
    const reply = engineChat().send(question);
    expect(reply.text).toMatch(DEDUCTIONS);
    expect(reply.text).toContain('удерживают не больше 50%');
    expect(reply.text).not.toContain('Субсидия на оплату ЖКУ');
  });

  it('a pension collected for someone is no deduction', () => {
    const reply = engineChat().send('можно ли забирать пенсию за маму на почте');
    expect(reply.text).not.toMatch(DEDUCTIONS);
    expect(reply.buttons).not.toContain(
      'Приставы или банк списали пособие — какие выплаты нельзя забирать за долги',
    );
  });

  it('a utility debt with no deduction keeps its own reply: who restores the supply, and the subsidy offered', () => {
    const reply = engineChat().send('отключили свет за долги');
    expect(reply.text).not.toMatch(DEDUCTIONS);
    expect(reply.buttons).toContain('Субсидия на оплату ЖКУ — кому положена (правило 22%)');
  });
});
