/**
 * «Где взять …» asks where to get something, as «где получить …» does, with the project's knowledge base and search:
 * the thing named decides the answer, not the rare word «взять» in a title («…и где их взять»).
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

describe('«где взять …»', () => {
  it('answers «где взять бесплатные дрова» with the housing subsidy, which pays for stove fuel', () => {
    const reply = engineChat().send('где взять бесплатные дрова');
    expect(reply.text).toMatch(/^Субсидия на оплату ЖКУ — кому положена/);
    expect(reply.text).not.toMatch(/Я не уверен/);
  });

  it('leads «где взять тср» with the card on getting rehabilitation aids, not a lost ИПРА’s duplicate', () => {
    const reply = engineChat().send('где взять тср');
    expect(reply.text).toMatch(/^Как получить ТСР \(коляску, слуховой аппарат, подгузники\) по ИПРА/);
  });

  it('offers the documents card first for a family-composition certificate, however «get» is said', () => {
    for (const question of [
      'где взять справку о составе семьи для соцзащиты',
      'где получить справку о составе семьи для соцзащиты',
    ]) {
      const reply = engineChat().send(question);
      expect(reply.text, question).toMatch(/^Уточните, пожалуйста/);
      expect(reply.buttons[0], question).toBe('Какие документы и справки нужны для пособий и где их взять');
    }
  });
});
