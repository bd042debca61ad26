/**
 * A description with a birth year and a disability group, and what is due asked (helper V's brief): «мама 1940 года
 * рождения инвалид 2 группы что положено» got «Уточните…» among the disability pension, the carer's payment for a
 * disabled child and the ЕДВ, with neither overview: the birth year's three words named the pensioners more than
 * «2 группы» named people with a disability, and the pensioners' overview matched nothing else of the question.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const DISABILITY = /^Льготы людям с инвалидностью — что положено/;

describe('a birth year described with a disability group', () => {
  it.each([
    'мама 1940 года рождения инвалид 2 группы что положено',
    'папа 1950 г.р. инвалид 1 группы что ему положено',
    'мама 1940 года рождения инвалид 2 группы',
    // Unchanged: an age beside the group, and a year too recent for a pensioner with the region («3» is no child).
    'мне 75 лет инвалид 3 группы какие льготы',
    'я 1960 г.р. инвалид 3 группы волгоград',
  ])('«%s» gets what people with a disability are entitled to', (q) => {
    const reply = engineChat().send(q);
    expect(reply.text).toMatch(DISABILITY);
    expect(reply.text).not.toContain('Уточните');
  });

  it('a birth year with a labour veteran named gets the veterans’ overview, not the pensioners’', () => {
    expect(engineChat().send('мама 1940 года рождения ветеран труда что положено').text).toMatch(
      /^Льготы ветерану труда — что положено/,
    );
  });

  it('a birth year alone still gets the pensioners’ overview', () => {
    expect(engineChat().send('мама 1940 года рождения что положено').text).toMatch(
      /^Льготы пенсионерам — что положено/,
    );
  });
});
