/**
 * Follow-ups typed after one card that its own lines or figures answer (verification audit 8, M7 and L6–L11): they got
 * another part of the card, the same card again, «Если вы об ответе…» or a list of other measures.
 */
import { describe, expect, it } from 'vitest';
import { type ChatReply, lastReply as replyToLast } from '../../support/engine-chat.js';

/** The reply to the last of these lines in a fresh chat, sums written with plain spaces (they have no-break ones). */
function lastReply(...lines: string[]): ChatReply {
  const reply = replyToLast(...lines);
  return { ...reply, text: reply.text.replace(/\u00a0/g, ' ') };
}

describe('an age asked after a card is its line with the ages, not the amount part', () => {
  it("«а детям до скольки лет» after the survivor's pension quotes «до 18 лет, студентам очной формы — до 23 лет» (was «Сколько платят»)", () => {
    const reply = lastReply('потеря кормильца пенсия', 'а детям до скольки лет');
    expect(reply.text).toMatch(/^В ответе «Пенсия по потере кормильца/);
    expect(reply.text).toContain('до 18 лет, студентам очной формы — до 23 лет');
    expect(reply.text).not.toMatch(/— Сколько платят/);
  });

  it('«а сколько платят детям» there still opens the amount part', () => {
    const reply = lastReply('потеря кормильца пенсия', 'а сколько платят детям');
    expect(reply.text).toMatch(/— Сколько платят/);
  });
});
