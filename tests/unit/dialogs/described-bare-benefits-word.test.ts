/**
 * A description of someone and one bare word asking what is due (helper V's brief, beside the short birth years):
 * «мама 52 года рождения льготы», «мама 1952 года рождения льготы» got «Уточните…» among the retirement age, single
 * mothers and large families; «мама 1940 года рождения выплаты» among the birth payments. «…какие льготы» or «…что
 * положено» after the same description got the overview of the group described.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const PENSIONERS = /^Льготы пенсионерам — что положено/;

describe('a description and a bare «льготы» or «выплаты»', () => {
  it.each([
    'мама 1952 года рождения льготы',
    'мама 52 года рождения льготы',
    'мама 1940 года рождения выплаты',
    'мама 1940 года рождения пособия',
  ])('«%s» gets the pensioners’ overview', (q) => {
    const reply = engineChat().send(q);
    expect(reply.text).toMatch(PENSIONERS);
    expect(reply.text).not.toContain('Уточните');
  });

  it('«папа 1950 г.р. инвалид 1 группы льготы» gets the disability overview', () => {
    expect(engineChat().send('папа 1950 г.р. инвалид 1 группы льготы').text).toMatch(
      /^Льготы людям с инвалидностью — что положено/,
    );
  });

  it('a bare word naming a measure keeps its answer', () => {
    expect(
      engineChat().send('льгота 10 процентов по единому пособию для многодетных один раз или всегда').text,
    ).toMatch(/^Многодетным сохранят единое пособие при превышении дохода до 10%/);
  });
});
