/**
 * A power, gas or water cut for debts, or a utility debt one cannot pay (helper U's finding 1): the supplier or the
 * management company cuts, restores and agrees repayment, said first; then what social protection can do beside it
 * (the housing subsidy, given with a repayment agreement; one-off help; the social contract) as choices. These were
 * choices led by the subsidy's rule and its 6-month renewal, the renewal card alone, or «Я не уверен».
 */
import { describe, expect, it } from 'vitest';
import { engineChat, lastReply } from '../../support/engine-chat.js';

const SUPPLIER =
  /^Долг за ЖКУ, отключение за неуплату и подключение снова — это управляющая компания или поставщик/;
const OFFERS = [
  'Субсидия на оплату ЖКУ — кому положена (правило 22%)',
  'Разовая материальная помощь в трудной жизненной ситуации',
  'Социальный контракт — что это, кому дают и как оформить',
  '👤 Ничего не подходит — консультант',
];

describe('a utility cut for debts', () => {
  it.each([
    'отключили свет за долги',
    'отключили газ за долг',
    'свет отрезали за неуплату что делать',
    'отключили воду за долги пенсионерке',
    'долги за коммуналку что делать',
    'грозят отключить газ за долг',
    'отключили свет за долги детей кормить нечем',
  ])('«%s» says who restores it and offers the subsidy, one-off help and the social contract', (question) => {
    const reply = engineChat().send(question);
    expect(reply.text).toMatch(SUPPLIER);
    expect(reply.text).toContain('соглашение о погашении задолженности');
    expect(reply.text).toContain('С оплатой ЖКУ может помочь соцзащита — об этом ниже.');
    expect(reply.buttons).toEqual(expect.arrayContaining(OFFERS));
    expect(reply.buttons.indexOf(OFFERS[0]!)).toBeLessThan(reply.buttons.indexOf(OFFERS[1]!));
    expect(reply.buttons).not.toContain('Продление субсидии на ЖКУ каждые 6 месяцев');
  });

  it('the subsidy chosen says a debt is no bar once repayment is agreed', () => {
    const reply = lastReply(
      'отключили свет за долги',
      '[Субсидия на оплату ЖКУ — кому положена (правило 22%)]',
    );
    expect(reply.text).toContain('нет долгов за ЖКУ (или заключено соглашение о погашении)');
  });

  it.each([
    [
      'есть долг за свет, откажут в субсидии на коммунальные услуги?',
      /^Субсидия на оплату ЖКУ — кому положена/,
    ],
    ['не можем платить за коммуналку многодетные', /^Компенсация за ЖКУ ветеранам труда, многодетным/],
    ['долг за капремонт компенсацию дадут', /^Компенсация взноса на капремонт/],
  ])('a measure or a group named stays with the search: «%s»', (question, card) => {
    const reply = engineChat().send(question);
    expect(reply.text).not.toMatch(SUPPLIER);
    expect(reply.text).toMatch(card);
  });

  it('an outage with no debt keeps the utilities redirect alone', () => {
    const reply = engineChat().send('отключили свет');
    expect(reply.text).toMatch(/^Аварии, отключения, перерасчёты/);
    expect(reply.buttons).not.toContain(OFFERS[0]);
  });
});
