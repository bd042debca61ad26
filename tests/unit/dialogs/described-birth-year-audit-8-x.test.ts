/**
 * A birth year with another group than the pensioners (helper U's «noticed»): «муж 1970 года рождения инвалид 2
 * группы пермь» and «сын 2010 года рождения инвалид пермь» got Perm's large-family status (on «инвалид», «2»,
 * «группы» and the place), and without the place the husband got choices of the disability pension and the
 * re-examination: the birth year was no word of the description, so the message was not a description alone.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const first = (q: string) => engineChat().send(q).text;

describe('a description with a birth year and a group', () => {
  it.each([
    'муж 1970 года рождения инвалид 2 группы пермь',
    'муж 1970 года рождения инвалид 2 группы',
    'я 1960 г.р. инвалид 3 группы волгоград',
  ])('«%s» gets what people with a disability are entitled to', (q) => {
    expect(first(q)).toMatch(/^Льготы людям с инвалидностью/);
  });

  it.each(['сын 2010 года рождения инвалид пермь', 'сын 2010 года рождения инвалид'])(
    '«%s» gets the disabled child’s family support, not Perm’s large families',
    (q) => {
      const text = first(q);
      expect(text).not.toMatch(/Многодетные/);
      expect(text).toMatch(/^Ребёнок-инвалид — что положено/);
    },
  );

  it('the region’s own measure with a birth year keeps its answer', () => {
    expect(first('я 2003 года рождения студентка родила пермь')).toMatch(/Пермск/);
  });
});
