/**
 * Time at home with a child and a pension (helper S's «noticed»): «сидим с ребенком 3 лет положена ли пенсия» got
 * choices of the capital's monthly payment, the disabled child's overview and the disability pension. It asks whether
 * the care counts towards a pension: the card on стаж and points, which says that care of a child up to 1.5 years
 * counts.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const first = (q: string) => engineChat().send(q).text;
const WORK_RECORD = /^Страховая пенсия по старости — условия/;

describe('years at home with a child, asked with a pension', () => {
  it.each([
    'сидим с ребенком 3 лет положена ли пенсия',
    'сидим с ребенком положена ли пенсия',
    'сижу дома с ребенком 2 года пенсия идет',
    // helper X: «сижу» and «сидела» stem apart from «сидим»; both got «Я не уверен»
    'сижу с ребенком 3 лет положена ли пенсия',
    'сидела с детьми дома пенсия будет',
  ])('«%s» gets the card on стаж and points', (q) => {
    const text = first(q);
    expect(text).toMatch(WORK_RECORD);
    expect(text).toContain('уход за ребёнком до 1,5 лет');
  });

  it('a pension already paid and its recount for children keeps the children’s supplement', () => {
    expect(first('сидела с детьми, пенсию назначили маленькую, за детей должны что-то добавлять')).toMatch(
      /^«Доплата к пенсии за детей»/,
    );
  });

  // The hint's own example got the childcare benefit's amount card: it matched «каждым», «полтора» and «маленькую» (its
  // example «почему пособие по уходу такое маленькое») above the pension topic's ×1.5 (helper W).
  it.each([
    'с каждым сидела дома по полтора года, пенсию назначили маленькую',
    'с каждым ребенком сидела по полтора года пенсия маленькая что делать',
    'сидела с ребенком до полутора лет пенсию назначили учли ли это',
    'Добрый день. Мне 60 лет, в девяностые родила и вырастила четверых детей, с каждым сидела дома по полтора-два года, поэтому стаж небольшой. Пенсию назначили маленькую. Слышала, что за детей должны что-то добавлять. Учитывали ли мне эти годы и можно ли сделать перерасчёт?',
  ])('«%s», a pension granted, gets what those years add to it: the children’s supplement', (q) => {
    const text = first(q);
    expect(text).toMatch(/^«Доплата к пенсии за детей»/);
    expect(text).toContain('баллы за уход за ребёнком до 1,5 лет');
  });

  it('the childcare benefit called small is still its amount', () => {
    expect(first('почему пособие по уходу такое маленькое')).toMatch(
      /^Пособие по уходу за ребёнком до 1,5 лет — сколько платят/,
    );
  });

  it('a disabled child’s carer is not asked about стаж and points', () => {
    expect(first('сижу с ребенком инвалидом пенсия будет')).not.toMatch(WORK_RECORD);
  });
});
