/**
 * A certificate a benefit asks for is a welfare question: «справка о составе семьи где получить» was refused as
 * off-topic («не помогу»). No card says where it is issued, so the reply is «Я не уверен» with the consultant.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

describe('a family-composition certificate', () => {
  it('is not refused as off-topic, and the consultant is offered', () => {
    for (const question of ['справка о составе семьи где получить', 'где взять справку о составе семьи']) {
      const reply = engineChat().send(question);
      expect(reply.text, question).not.toMatch(/не помогу/);
      expect(reply.text, question).toMatch(/^Я не уверен/);
      expect(reply.buttons, question).toContain('👤 Позвать консультанта');
    }
  });
});
