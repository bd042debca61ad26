/**
 * A voucher to a children's camp, with the project's knowledge base and search: no card covers camps (regions give
 * them), so the reply says it is not sure and offers the consultant, not the sanatorium voucher of the set of social
 * services nor the birth benefit.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

describe('a voucher to a children’s camp', () => {
  it('gets «Я не уверен» with the consultant, not unrelated choices', () => {
    for (const question of ['как получить путевку в лагерь ребенку', 'бесплатная путевка в лагерь']) {
      const reply = engineChat().send(question);
      expect(reply.text, question).toMatch(/^Я не уверен/);
      expect(reply.buttons, question).toContain('👤 Позвать консультанта');
      expect(reply.buttons.join(' '), question).not.toMatch(/соцпакет|при рождении/);
    }
  });

  it('keeps the sanatorium voucher on the set of social services', () => {
    expect(engineChat().send('путевка в санаторий инвалиду').text).toMatch(/^Набор социальных услуг/);
  });
});
