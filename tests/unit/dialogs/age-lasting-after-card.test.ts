/**
 * An age up to which a measure lasts, asked after its card (helper B's finding 2): a line that says the measures
 * «действуют» (or are kept, «сохраняются») until an age, or that a benefit is paid «пока ребёнку нет 3 лет», was not
 * read as giving that age, and «а до какого возраста» got «В ответе прямо не сказано…» though the card says it.
 */
import { describe, expect, it } from 'vitest';
import { lastReplyPlainSpaces as lastReply } from '../../support/engine-chat.js';

const UNTIL_UNSAID = 'В ответе прямо не сказано, до какого возраста';

describe('«а до какого возраста» after a card that says how long its measure lasts', () => {
  it('after the large families’ status quotes «…меры поддержки действуют, пока старшему ребёнку не исполнится 18 лет…»', () => {
    const reply = lastReply('многодетная семья статус', 'а до какого возраста');
    expect(reply.text).not.toContain(UNTIL_UNSAID);
    expect(reply.text).toMatch(
      /об этом сказано:\s+Статус устанавливается бессрочно, но меры поддержки действуют, пока старшему ребёнку не исполнится 18 лет, а если он учится очно — 23 лет\./,
    );
  });

  it('after the conscript’s family benefits quotes «…пока ребёнку нет 3 лет…»', () => {
    const reply = lastReply('пособие на ребенка срочника', 'а до какого возраста платят');
    expect(reply.text).not.toContain(UNTIL_UNSAID);
    expect(reply.text).toMatch(
      /об этом сказано:\s+•?\s*на ребёнка — ежемесячное пособие, пока ребёнку нет 3 лет и отец служит по призыву\./,
    );
  });
});
