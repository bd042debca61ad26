/**
 * «а какой возраст» after a card, with no «с» or «до» (helper V's note; helper W): after the ЕДВ it got the card's
 * parts to open, after the large families' benefits a quote of «…бесплатные лекарства детям до 6 лет…», an age of
 * medicines, not of the measure. It asks an age of the card either way: a line that says from or up to what age the
 * measure is given, another entry of the measure that says it, or the card's «Кто может получить» with the note that
 * the answer does not say it; after a card that is not a measure, that it says no age.
 */
import { describe, expect, it } from 'vitest';
import { lastReplyPlainSpaces as lastReply } from '../../support/engine-chat.js';

describe('«а какой возраст» after a card', () => {
  it('after the ЕДВ: its «Кто может получить» with the note, not the parts to open', () => {
    const reply = lastReply('ЕДВ инвалидам', 'а какой возраст');
    expect(reply.text).toMatch(
      /^В ответе прямо не сказано, с какого или до какого возраста платят или дают эту меру\./,
    );
    expect(reply.text).toContain(
      'ЕДВ инвалидам — кому платят, как назначают и почему суммы разные — Кто может получить',
    );
    expect(reply.text).not.toContain('откройте нужную часть');
  });

  it('after the large families’ benefits: their entry on the children’s age, not the medicines’ «до 6 лет»', () => {
    const reply = lastReply('льготы многодетным', 'а какой возраст');
    expect(reply.text).toMatch(/^Кто считается многодетной семьёй и до какого возраста детей/);
    expect(reply.text).not.toContain('лекарства детям до 6');
  });

  it('after the survivor’s pension: its line on children’s ages', () => {
    const reply = lastReply('пенсия по потере кормильца', 'а какой возраст');
    expect(reply.text).toContain(
      'детям, внукам, братьям и сёстрам до 18 лет, студентам очной формы — до 23 лет',
    );
  });

  it('after the hotlines: that the card says no age', () => {
    const reply = lastReply('телефон пфр бесплатный', 'а какой возраст');
    expect(reply.text).toMatch(
      /^В ответе «Телефоны горячих линий[^»]*» не сказано, с какого или до какого возраста платят или дают/,
    );
  });
});
