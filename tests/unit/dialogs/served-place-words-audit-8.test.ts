/**
 * The words beside a served place that go with it («город», «г»): they stayed search words, and Perm's contacts card
 * (which lists every town) matched «город». «мама 1940 года рождения город пермь» got Perm's birth payment to
 * students, «…город камышин» Volgograd's payment to young mothers (helper S's «noticed»); they name the region, as
 * the place itself does.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const first = (q: string) => engineChat().send(q).text;

describe('«город» beside a served place names the region', () => {
  it.each([
    'мама 1940 года рождения город пермь',
    'мама 1940 года рождения г пермь',
    'мама 1940 года рождения город камышин',
    'я живу в городе камышин мама 1940 года рождения',
  ])('«%s» gets the pensioners’ overview, as without «город»', (q) => {
    expect(first(q)).toMatch(/^Льготы пенсионерам — что положено/);
  });

  it('«я инвалид 2 группы город пермь» gets the disability overview (was Perm’s large families)', () => {
    expect(first('я инвалид 2 группы город пермь')).toMatch(/^Льготы людям с инвалидностью/);
  });

  it('«сколько единое пособие в городе перми» gets the amount, as «…в перми» does (was choices)', () => {
    expect(first('сколько единое пособие в городе перми')).toMatch(/^Сколько платят единое пособие/);
  });

  it('the region’s own measure and its offices keep their answers', () => {
    expect(first('мы многодетные город пермь')).toMatch(/^Многодетные семьи в Пермском крае/);
    expect(first('прожиточный минимум город пермь')).toMatch(/^Прожиточный минимум в Пермском крае/);
    expect(first('адрес мфц город камышин')).toMatch(/^Куда обращаться в Волгоградской области/);
  });
});
