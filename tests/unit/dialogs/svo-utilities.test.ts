/**
 * Utilities asked for an SVO participant (helper L, audit 8 follow-up): the ЖКУ compensation card that names combat
 * veterans among the federal beneficiaries, not the 50% compensation of people with a disability.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

describe('utilities for an SVO participant', () => {
  it("«участник сво скидка на коммуналку» gets the compensation card naming combat veterans (was the disabled people's 50% card)", () => {
    const reply = engineChat().send('участник сво скидка на коммуналку');
    expect(reply.text).toMatch(/^Компенсация за ЖКУ ветеранам труда, многодетным и другим льготникам/);
    expect(reply.text).toContain('ветеранам боевых действий');
    expect(reply.text).not.toMatch(/^Компенсация 50% за ЖКУ инвалидам/);
  });
});
