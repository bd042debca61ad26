/**
 * Where a relative lives, said in the third person («маме 82 года живет в камышине»), says where, not what: the
 * description is still a description alone (helper S's note). «живу» makes the place the citizen's own; «живет» does
 * not, so nothing is said about the citizen's region.
 */
import { describe, expect, it } from 'vitest';
import { lastReplyPlainSpaces as lastReply } from '../../support/engine-chat.js';

describe('a relative described with the town they live in', () => {
  it('«маме 82 года живет в камышине» gets the pensioners’ overview, as «маме 82 года» does (was choices of Volgograd’s measures)', () => {
    const reply = lastReply('маме 82 года живет в камышине');
    expect(reply.text).toMatch(/^Льготы пенсионерам — что положено/);
    expect(reply.buttons).not.toContain('👤 Ничего не подходит — консультант');
  });

  it('«мама живёт в саратове ей 75 лет что положено» does not take Saratov for the citizen’s own region', () => {
    expect(lastReply('мама живёт в саратове ей 75 лет что положено').text).not.toMatch(/Запомнил ваш регион/);
  });
});
