/**
 * When someone retires, asked with a served place (helper S's «noticed»): «когда мама 1965 года рождения пойдет на
 * пенсию пермь» got Perm's birth payment to students. The place's words weigh on all of Perm's entries, and that one
 * matched «мама» and «рождения», the words describing the mother, and nothing the question asks; the retirement age
 * matched those and «пенсию». The question is read as without the place: the retirement age's line for her.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const first = (q: string) => engineChat().send(q).text;

describe('a description of whose retirement, with a served place', () => {
  it('«когда мама 1965 года рождения пойдет на пенсию пермь» gets her line of the retirement age', () => {
    const text = first('когда мама 1965 года рождения пойдет на пенсию пермь');
    expect(text).toMatch(/^Женщинам 1965 г\. р\./);
    expect(text).toContain('Во сколько лет выходят на пенсию');
  });

  it('«когда пойдет на пенсию муж 1964 года рождения город пермь» gets his line', () => {
    expect(first('когда пойдет на пенсию муж 1964 года рождения город пермь')).toMatch(
      /^Мужчины 1964 г\. р\. выходят на пенсию/,
    );
  });

  it('with Volgograd named, the young mothers’ payment is no longer the answer', () => {
    expect(first('когда мама 1965 года рождения пойдет на пенсию волгоград')).not.toMatch(/молодым мамам/);
  });

  it('the region’s own measure asked with the place keeps its answer', () => {
    expect(first('я 2003 года рождения студентка родила пермь')).toMatch(/^Краевая выплата при рождении/);
    expect(first('волгоград родила третьего ребенка')).toMatch(/^Областной родительский капитал/);
    expect(first('прожиточный минимум 2027 пермь')).toMatch(/^Прожиточный минимум в Пермском крае/);
  });
});
