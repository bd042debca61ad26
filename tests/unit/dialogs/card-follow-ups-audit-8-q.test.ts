/**
 * Follow-ups typed after one card that helpers O and P left (audit 8's follow-ups, helper Q): an age asked alone after
 * the survivor's pension, the maternity capital's amount and housing, a carer living with her son, working while
 * getting the ЕДВ. They got another measure's card or a list, though the card or its measure answers them.
 */
import { describe, expect, it } from 'vitest';
import { type ChatReply, lastReply as replyToLast } from '../../support/engine-chat.js';

/** The reply to the last of these lines in a fresh chat, sums written with plain spaces (they have no-break ones). */
function lastReply(...lines: string[]): ChatReply {
  const reply = replyToLast(...lines);
  return { ...reply, text: reply.text.replace(/\u00a0/g, ' ') };
}

describe('an age asked alone after a card whose line says until what age', () => {
  it("«а до какого возраста платят» after the survivor's pension quotes «…до 18 лет, студентам очной формы — до 23 лет» (was the retirement age's card)", () => {
    const reply = lastReply('потеря кормильца пенсия', 'а до какого возраста платят');
    expect(reply.text).toMatch(/^В ответе «Пенсия по потере кормильца/);
    expect(reply.text).toContain(
      'детям, внукам, братьям и сёстрам до 18 лет, студентам очной формы — до 23 лет',
    );
    expect(reply.text).not.toContain('пенсионный возраст по году рождения');
  });

  it('the same after the unified benefit quotes its «…на каждого ребёнка до 17 лет…»', () => {
    const reply = lastReply('единое пособие', 'а до какого возраста платят');
    expect(reply.text).toMatch(/^В ответе «Единое пособие на детей до 17 лет/);
    expect(reply.text).toContain('Единое пособие платят на каждого ребёнка до 17 лет');
  });

  it('one that names someone is read as before: «а вдове до какого возраста» is who may get it', () => {
    const reply = lastReply('потеря кормильца пенсия', 'а вдове до какого возраста');
    expect(reply.text).toContain('— Кто может получить');
    expect(reply.text).toContain('Вдова или вдовец трудоспособного возраста');
  });
});
