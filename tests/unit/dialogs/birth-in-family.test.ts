/**
 * A birth in the family told as who gave birth or who was born (helper L): «невестка родила что положено» and «дочь
 * родила что положено» were «Я не уверен» (the first with the maternity benefit for the unemployed offered), «внучка
 * родила ей 19 лет что положено» choices led by the unified benefit. The person asks what the family gets for the
 * newborn: the birth lump sum's card, which names the other measures after a birth.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const BIRTH = /^Единовременное пособие при рождении ребёнка — сколько и кому/;

describe('a birth in the family with a broad question', () => {
  it.each([
    'невестка родила что положено',
    'дочь родила что положено',
    'внучка родила ей 19 лет что положено',
    'сноха родила какие выплаты',
    'жена родила что положено',
    'я родила что положено',
    'родился внук что положено',
  ])('«%s» gets the birth lump sum’s card', (q) => {
    expect(engineChat().send(q).text).toMatch(BIRTH);
  });

  it('the card names what else a birth brings', () => {
    expect(engineChat().send('дочь родила что положено').text).toMatch(
      /Ещё после рождения: маткапитал, единое пособие при низком доходе, пособие по уходу до 1,5 лет/,
    );
  });

  it('a measure named keeps its own card', () => {
    expect(engineChat().send('дочь родила второго ребенка маткапитал').text).toMatch(
      /^Размер материнского капитала/,
    );
  });
});
