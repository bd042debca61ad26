/**
 * A description with the place lived in (helper S, from helper R's «noticed»): «мама 1940 года рождения» gets the
 * pensioners' overview, but «мама 1940 года рождения пермь» got Perm's birth payment to students, «…из волгограда»
 * Volgograd's payment to young mothers, «…саратов» a list led by the birth lump sum: the place's words weighed on the
 * region's entries, or broke the description. The place says where, not what.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const PENSIONERS = 'Льготы пенсионерам — что положено';

describe('a description with the place lived in', () => {
  it.each([
    'мама 1940 года рождения пермь',
    'мама 1940 года рождения из перми',
    'мама 1940 года рождения из волгограда',
    'я 1955 г.р. живу в перми',
    'я 1955 г.р. пермский край',
    'мама 1940 года рождения пермский край',
    'мама 1940 года рождения саратов',
    'пенсионеры пермь что положено',
  ])('«%s» gets the pensioners’ overview, as without the place', (q) => {
    const reply = engineChat().send(q);
    expect(reply.text.startsWith(PENSIONERS), reply.text.slice(0, 80)).toBe(true);
  });

  it('«я инвалид 2 группы пермь» gets what people with a disability are entitled to (was Perm’s large families)', () => {
    expect(engineChat().send('я инвалид 2 группы пермь').text).toMatch(/^Льготы людям с инвалидностью/);
  });

  it('the region’s own measure named with the place is still the region’s («мы многодетные пермь»)', () => {
    expect(engineChat().send('мы многодетные пермь').text).toMatch(/Пермск/);
  });
});
