/**
 * A grandchild's age asked like a child's («внучке 6 лет какие пособия», helper H): it got «Я не уверен» with nothing
 * offered, a hand-off, or the unified benefit only among choices, while «ребенку 6 лет какие выплаты» got its card.
 * The benefit is the parents' to claim, and its card's «Кто может получить» says so.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const UNIFIED = /^Единое пособие на детей до 17 лет/;

describe('a grandchild’s age with a broad question', () => {
  it.each([
    'внучке 6 лет какие пособия',
    'внучка 6 лет какие пособия',
    'внучка 2020 года рождения какие пособия',
    'внук 2019 г.р. какие выплаты',
    'внуку 2 года какие выплаты положены',
  ])('«%s» gets the unified benefit’s card', (q) => {
    expect(engineChat().send(q).text).toMatch(UNIFIED);
  });

  it('the card says the parents claim it', () => {
    const chat = engineChat();
    chat.send('внучке 6 лет какие пособия');
    expect(chat.send('[Кто может получить]').text).toContain('Родители');
  });

  it('a grandchild under guardianship keeps the guardians’ payments', () => {
    expect(engineChat().send('оформляю опеку над внуком какие выплаты').text).toMatch(
      /^Ежемесячные выплаты опекунам/,
    );
  });
});
