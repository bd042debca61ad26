/**
 * A number that is a share is not the same number as an age. «встать на биржу труда в 60 лет» got the unemployment
 * benefit's amount card, whose «75%, затем 60%» matched the age on the question's rarest word, with the card on
 * registering only under «Ещё».
 */
import { describe, expect, it } from 'vitest';
import { lastReplyPlainSpaces } from '../../support/engine-chat.js';

const title = (question: string) => lastReplyPlainSpaces(question).text.split('\n')[0];

describe('a share and an age', () => {
  it('«встать на биржу труда в 60 лет» is how to register as unemployed', () => {
    expect(title('встать на биржу труда в 60 лет')).toBe(
      'Как встать на учёт в центр занятости и кого не признают безработным',
    );
  });

  it('a share asked in words still finds the card that writes it with the sign', () => {
    expect(title('почему нам дали 50 процентов а соседям 100')).toMatch(/^Сколько платят единое пособие/);
  });
});
