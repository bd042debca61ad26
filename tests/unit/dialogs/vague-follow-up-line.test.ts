/**
 * A follow-up that names no measure, read against the answer shown: «а студентам» after the survivor's pension, whose
 * card says it goes on «студентам очной формы — до 23 лет». The search read it as vague, and the reply was «откройте
 * нужную часть»; a line of the card that names it answers it.
 */
import { describe, expect, it } from 'vitest';
import { lastReplyPlainSpaces as lastReply } from '../../support/engine-chat.js';

describe('a follow-up naming no measure, after an answer', () => {
  it('«а студентам» quotes the card’s line on students', () => {
    const reply = lastReply('пенсия по потере кормильца', 'а студентам');
    expect(reply.text).toMatch(/^В ответе «Пенсия по потере кормильца[^»]*» об этом сказано/);
    expect(reply.text).toContain('студентам очной формы — до 23 лет');
  });

  it('a vague follow-up that no line names still offers the answer’s parts', () => {
    const reply = lastReply('субсидия на жкх', 'почему так мало');
    expect(reply.text).toMatch(/^Если вы об ответе «Субсидия на оплату ЖКУ/);
    expect(reply.buttons).toContain('Кто может получить');
  });
});
