/**
 * A part asked after a card that lacks it, which another entry of its measure has (helper F's task 3): «а куда идти»
 * after who may get the housing subsidy was taken for the menu button «Куда обратиться» and asked for a town, though
 * «а куда подавать» got the subsidy application's «Как подать».
 */
import { describe, expect, it } from 'vitest';
import { lastReply } from '../../support/engine-chat.js';

describe('a part of the measure asked after its card', () => {
  for (const followUp of ['а куда идти', 'а куда обращаться'])
    it(`«${followUp}» after who may get the housing subsidy is its application's «Как подать»`, () => {
      const reply = lastReply('субсидия на жкх', followUp);
      expect(reply.text).toContain('Как оформить субсидию на ЖКУ — документы и куда подать — Как подать');
      expect(reply.text).not.toContain('Напишите ваш город');
    });
});
