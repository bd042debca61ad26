/**
 * «📍 Адреса и часы работы» under a measure applied for in person comes with the citizen's region as with their town
 * (citizen audit 7, L5): the Volgograd subsistence minimum had it when reached by «а в волгограде» (a town of the
 * directory) and not when asked «прожиточный минимум в волгоградской области». With the region only, it lists the
 * region's towns that have offices.
 */
import { describe, expect, it } from 'vitest';
import { lastReply } from '../../../support/engine-chat.js';

const OFFER = '📍 Адреса и часы работы';

describe('the offices button under an answer, the region named', () => {
  it('the Volgograd subsistence minimum has it asked directly (c123) as after «а в волгограде» (c014)', () => {
    expect(lastReply('прожиточный минимум в волгоградской области').buttons).toContain(OFFER);
    expect(lastReply('какой прожиточный минимум в пермском крае', 'а в волгограде').buttons).toContain(OFFER);
    expect(lastReply('какой прожиточный минимум в пермском крае').buttons).toContain(OFFER);
  });

  it('pressed, it lists the region’s towns that have offices, and a town opens its offices', () => {
    const listing = lastReply('прожиточный минимум в волгоградской области', `[${OFFER}]`);
    expect(listing.text).toMatch(/^Волгоградская область\. Выберите город или район/);
    expect(listing.buttons).toContain('Волжский');
    expect(
      lastReply('прожиточный минимум в волгоградской области', `[${OFFER}]`, '[Волжский]').text,
    ).toContain('Центр социальной защиты населения по городу Волжскому');
  });

  it('no region and no town: no button under a measure that is not about offices', () => {
    expect(lastReply('какой прожиточный минимум').buttons).not.toContain(OFFER);
  });
});
