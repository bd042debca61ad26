/**
 * A description with the broad question and «по закону» (helper U's «noticed»): «мама 1940 года рождения что положено
 * по закону» got choices led by the birth lump sum (on «мама» and «рождения»), while «…что положено» gets the
 * pensioners' overview: «по», «закону» were words of their own, so the message was no description with the broad
 * question alone.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const first = (q: string) => engineChat().send(q).text;
const PENSIONERS = /^Льготы пенсионерам — что положено/;

describe('a description with the broad question and «по закону», «от государства», «вообще»', () => {
  it.each([
    'мама 1940 года рождения что положено по закону',
    'мама 1940 года рождения что ей положено по закону',
    'по закону что положено маме 1940 года рождения',
    'мама 1940 года рождения что положено от государства',
    'мама 1940 года рождения что положено вообще',
    'мама 1940 года рождения что положено по закону пермь',
  ])('«%s» gets the pensioners’ overview', (q) => {
    expect(first(q)).toMatch(PENSIONERS);
  });

  it('a measure asked «положена ли по закону» is not the overview', () => {
    expect(first('инвалид 2 группы по закону положена ли путевка')).not.toMatch(
      /^Льготы людям с инвалидностью/,
    );
  });
});
