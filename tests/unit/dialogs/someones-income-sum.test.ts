/**
 * A sum told as someone's income is not a word to search by. «у мужа пенсия была 25 тысяч сколько мне дадут» was the
 * unified benefit for children, answered with confidence: its «25%» matched the «25» (the entries' own sums are
 * filled in at answer time, so the search never sees them). After the survivor's pension it asks that card's amount.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

describe('a sum told as someone’s income', () => {
  it('asked first, it is not answered with an entry the figure alone matched', () => {
    const reply = engineChat().send('у мужа пенсия была 25 тысяч сколько мне дадут');
    expect(reply.text).not.toMatch(/^Единое пособие/);
  });

  it('after the survivor’s pension, the amount asked with the husband’s pension told is that card’s amount', () => {
    const chat = engineChat();
    chat.send('пенсия по потере кормильца');
    const reply = chat.send('у мужа пенсия была 25 тысяч сколько мне дадут');
    expect(reply.text).toMatch(/^Пенсия по потере кормильца .* — Сколько платят/);
    expect(reply.text).toContain('рассчитывается из его пенсионных баллов');
  });
});
