/**
 * Common first questions that named one measure and got «Уточните…» (citizen audit 8, M10): the card that answers.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

describe('a measure named alone or its income limit asked', () => {
  it("«соцконтракт» gets the measure's own card (was a list)", () => {
    const contract = engineChat().send('соцконтракт');
    expect(contract.text).toMatch(/^Социальный контракт — что это, кому дают и как оформить/);
    expect(contract.text).not.toMatch(/Уточните/);
  });

  it('«какой доход должен быть для единого пособия семья 4 человека» gets how income is counted against the minimum (was a list)', () => {
    const reply = engineChat().send('какой доход должен быть для единого пособия семья 4 человека');
    expect(reply.text).toMatch(/^Какие доходы и кого из семьи учитывают для единого пособия/);
    expect(reply.text).toContain('делят на 12 месяцев и на число членов семьи');
  });
});
