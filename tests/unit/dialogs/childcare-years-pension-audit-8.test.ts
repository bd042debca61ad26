/**
 * Time at home with a child and a pension (helper S's «noticed»): «сидим с ребенком 3 лет положена ли пенсия» got
 * choices of the capital's monthly payment, the disabled child's overview and the disability pension. It asks whether
 * the care counts towards a pension: the card on стаж and points, which says that care of a child up to 1.5 years
 * counts.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const first = (q: string) => engineChat().send(q).text;
const WORK_RECORD = /^Сколько нужно стажа и пенсионных баллов/;

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

  it('a disabled child’s carer is not asked about стаж and points', () => {
    expect(first('сижу с ребенком инвалидом пенсия будет')).not.toMatch(WORK_RECORD);
  });
});
