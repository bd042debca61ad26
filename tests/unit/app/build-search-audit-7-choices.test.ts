/**
 * Citizen audit 7, M4, searched on the real knowledge base: the commonest first questions got «Уточните…» with one
 * choice plainly right.
 */
import { describe, expect, it } from 'vitest';
import { firstReply } from '../../support/project-search.js';

describe('the unified benefit asked about without a word of pregnancy', () => {
  it('«какие документы на единое пособие» (the assistant’s own example) answers with the children’s benefit', () => {
    expect(firstReply('какие документы на единое пособие')).toEqual({
      band: 'answer',
      entry: 'ep-children-overview',
    });
  });

  it('with a word of pregnancy, the pregnant women’s entry answers (was a choice beside the students’ maternity benefit)', () => {
    expect(firstReply('как подать на пособие беременным через госуслуги')).toEqual({
      band: 'answer',
      entry: 'ep-pregnancy-apply',
    });
  });
});

describe('a benefit named alone', () => {
  it('the unified benefit’s bare name, and the housing subsidy’s, answer with their overview (were choices)', () => {
    for (const q of ['единое пособие', 'ЕП', 'единка'])
      expect(firstReply(q), q).toEqual({ band: 'answer', entry: 'ep-children-overview' });
    for (const q of ['субсидия на жку', 'ЖКУ субсидия пермь'])
      expect(firstReply(q), q).toEqual({ band: 'answer', entry: 'housing-subsidy-eligibility' });
  });
});

describe('the pension’s fixed payment and its increases', () => {
  it('«мне 80 лет пенсию прибавят?» and «фиксированная выплата сколько сейчас» answer with the fixed payment and its increases (were choices)', () => {
    for (const q of ['мне 80 лет пенсию прибавят?', 'фиксированная выплата сколько сейчас'])
      expect(firstReply(q), q).toEqual({ band: 'answer', entry: 'pension-fixed-payment-increases' });
  });
});

describe('«на что имеет право» a group', () => {
  it('«на что имеет право инвалид 3 группы» is the disability overview (was choices without it), as «на что имеем право» was', () => {
    expect(firstReply('на что имеет право инвалид 3 группы')).toEqual({
      band: 'answer',
      entry: 'disability-benefits-overview',
    });
  });
});
