/**
 * The retirement age of the person who asks, read from the knowledge base's table by birth year (citizen audit 7,
 * M5): the card gave this year's ages only, and a woman born in 1966, a man born in 1965 or a mother of three had
 * to work their own line out.
 */
import { describe, expect, it } from 'vitest';
import { personFacts } from '../../../src/dialogs/retirement-age.js';
import { lastReply } from '../../support/engine-chat.js';

const CONDITIONS = 'Кроме возраста нужны не меньше 15 лет стажа и 30 пенсионных баллов.';

describe('the retirement age for the person who asks', () => {
  it('«мне 60 лет женщина 1966 года когда пенсия»: women born in 1966 retire at 58, in 2024, so she is entitled by age, with the conditions', () => {
    const reply = lastReply('мне 60 лет женщина 1966 года когда пенсия');
    expect(reply.text).toMatch(/^Женщины 1966 г\. р\. выходят на пенсию по старости в 58 лет — в 2024 г\./);
    expect(reply.text).toContain('По возрасту право на пенсию уже есть.');
    expect(reply.text).toContain(CONDITIONS);
    expect(reply.text).toContain('Во сколько лет выходят на пенсию');
  });

  it('«я 1965 г р мужчина когда мне на пенсию»: 65, in 2030', () => {
    const reply = lastReply('я 1965 г р мужчина когда мне на пенсию');
    expect(reply.text).toMatch(/^Мужчины 1965 г\. р\. выходят на пенсию по старости в 65 лет — в 2030 г\./);
    expect(reply.text).toContain(CONDITIONS);
  });

  it('«мне 64 года я мужчина когда на пенсию»: born in 1961 or 1962, 63 or 64, so the age has come', () => {
    const reply = lastReply('мне 64 года я мужчина когда на пенсию');
    expect(reply.text).toContain('Мужчины 1961 г. р. выходят на пенсию по старости в 63 года — в 2024 г.');
    expect(reply.text).toContain('Мужчины 1962 г. р. выходят на пенсию по старости в 64 года — в 2026 г.');
    expect(reply.text).toContain('По возрасту право на пенсию уже есть.');
  });

  it("«мне 56 лет у меня трое детей могу ли я выйти на пенсию раньше»: the large-family mothers' line (three children: 57, with 15 years of service)", () => {
    const reply = lastReply(
      'здравствуйте подскажите пожалуйста мне 56 лет у меня трое детей могу ли я выйти на пенсию раньше',
    );
    expect(reply.text).toMatch(
      /^Досрочно — многодетные матери при стаже от 15 лет: .*3 детей \(трое детей\) — в 57 лет/,
    );
  });

  it("«а жена 1967 года рождения» after the card: her line (59, in 2026), not choices of the survivor's pension", () => {
    const reply = lastReply('мне 64 года я мужчина когда на пенсию', 'а жена 1967 года рождения');
    expect(reply.text).toMatch(/^Женщины 1967 г\. р\. выходят на пенсию по старости в 59 лет — в 2026 г\./);
    expect(reply.text).toContain(CONDITIONS);
    expect(reply.text).not.toMatch(/Уточните, пожалуйста/);
  });

  it("«жена 1968 г.р. муж 1963 когда нам на пенсию»: each birth year with its person (the husband in 2028, not a men's line for 1968)", () => {
    const reply = lastReply('жена 1968 г.р. муж 1963 когда нам на пенсию');
    expect(reply.text).toMatch(/^Женщины 1968 г\. р\. выходят на пенсию по старости в 60 лет — в 2028 г\./);
    expect(reply.text).toContain('Мужчины 1963 г. р. выходят на пенсию по старости в 65 лет — в 2028 г.');
    expect(reply.text).not.toContain('Мужчины 1968');
  });

  it('long service named: the long-service line, and no «not yet» for a woman of 58 with 38 years of service', () => {
    const reply = lastReply(
      'мне 58 лет женщина 1968 года рождения работаю, стаж 38 лет, когда мне на пенсию? и можно ли раньше из за большого стажа?',
    );
    expect(reply.text).toMatch(/^Женщины 1968 г\. р\./);
    expect(reply.text).toContain('Досрочно — длительный стаж — 37 лет у женщин и 42 года у мужчин');
    expect(reply.text).not.toContain('ещё не наступил');
    const after = lastReply('во сколько лет на пенсию женщинам 1968 года рождения', 'а если стаж 40 лет');
    expect(after.text).toMatch(/^Досрочно — длительный стаж — 37 лет у женщин/);
  });

  it("a mother of three aged 57 is not told «not yet» above the mothers' line (three children: 57)", () => {
    const reply = lastReply(
      'я мать троих детей работаю, мне 57 лет 1969 года рождения, могу ли я уже на пенсию',
    );
    expect(reply.text).toContain('Досрочно — многодетные матери');
    expect(reply.text).not.toContain('ещё не наступил');
    // Without an early case, the verdict stays.
    expect(lastReply('мне 57 лет женщина 1969 года рождения когда на пенсию').text).toContain(
      'Пенсионный возраст ещё не наступил.',
    );
  });

  it('the general question keeps the card alone', () => {
    const reply = lastReply('какой пенсионный возраст сейчас в россии');
    expect(reply.text).toMatch(/^Во сколько лет выходят на пенсию/);
  });
});

describe('personFacts', () => {
  it('reads the sex, the birth year (four digits or «в 68-м»), the age and the children', () => {
    expect(personFacts('мне 60 лет женщина 1966 года')).toEqual({ sex: 'female', born: 1966, age: 60 });
    expect(personFacts('родилась в 68-м, в каком году мне пенсия')).toEqual({ sex: 'female', born: 1968 });
    expect(personFacts('мне 56 лет у меня трое детей')).toEqual({ age: 56, children: 3 });
    expect(personFacts('мужу исполнилось 63')).toEqual({ sex: 'male', age: 63 });
  });

  it('pairs two birth years with the people named nearest to them, and reads the years of service', () => {
    expect(personFacts('жена 1968 г.р. муж 1963 когда нам на пенсию').people).toEqual([
      { born: 1968, sex: 'female' },
      { born: 1963, sex: 'male' },
    ]);
    expect(personFacts('муж 1963 г.р. а я жена спрашиваю когда ему на пенсию')).toMatchObject({
      born: 1963,
      sex: 'male',
    });
    expect(personFacts('стаж 38 лет').service).toBe(38);
    expect(personFacts('у меня 43 года стажа').service).toBe(43);
    expect(personFacts('можно ли раньше из за большого стажа').service).toBe(0);
  });

  it('does not take a year that starts or ends something for a birth year', () => {
    expect(personFacts('работаю с 1990 года когда на пенсию').born).toBeUndefined();
  });

  it('does not take the years of service for an age', () => {
    expect(personFacts('стаж 43 года мужчина, можно досрочно уйти?')).toEqual({ sex: 'male', service: 43 });
    expect(personFacts('работала 35 лет на заводе').age).toBeUndefined();
  });
});

describe('retirement age: lists and missing verdicts (verification audit 8, M4, L3, L4, L12)', () => {
  it('«а я 1965 года женщина» after the card: born before the table, the right by age has come (it got a list of maternity pay and emergency help)', () => {
    const reply = lastReply('пенсионный возраст', 'а я 1965 года женщина');
    expect(reply.text).toMatch(
      /^Женщинам 1965 г\. р\. в 2025 г\. исполнилось 60 лет — это самый поздний общий пенсионный возраст женщин/,
    );
    expect(reply.text).toContain('По возрасту право на пенсию уже есть.');
    expect(reply.text).not.toMatch(/Уточните, пожалуйста|Декретные/);
  });

  it('first messages that got «Уточните…» now get the line for the person (a birth year, or an age with the sex)', () => {
    const woman1960 = lastReply('я 1960 года рождения женщина еще не на пенсии работаю');
    expect(woman1960.text).toMatch(/^Женщинам 1960 г\. р\. в 2020 г\. исполнилось 60 лет/);
    expect(woman1960.text).toContain('По возрасту право на пенсию уже есть.');
    expect(woman1960.text).not.toContain('пособие при рождении');
    const woman1959 = lastReply('мне 67 я 1959 года женщина пенсию не оформляла еще можно');
    expect(woman1959.text).toMatch(/^Женщинам 1959 г\. р\./);
    expect(woman1959.text).toContain('По возрасту право на пенсию уже есть.');
    const man62 = lastReply('мне 62 года мужчина когда пенсия');
    expect(man62.text).toMatch(/^Мужчины 1963 г\. р\. выходят на пенсию по старости в 65 лет — в 2028 г\./);
    expect(man62.text).toContain('Мужчины 1964 г. р. выходят на пенсию по старости в 65 лет — в 2029 г.');
    const man1962 = lastReply('мне 64 года мужчина 1962 года пенсию не дают почему');
    expect(man1962.text).toMatch(
      /^Мужчины 1962 г\. р\. выходят на пенсию по старости в 64 года — в 2026 г\./,
    );
    expect(man1962.text).toContain(CONDITIONS);
    for (const reply of [woman1960, woman1959, man62, man1962])
      expect(reply.text).not.toMatch(/Уточните, пожалуйста/);
  });

  it('a birth year with a question of what is due, not of the pension, is not answered with the retirement age', () => {
    expect(lastReply('мама 1940 года рождения какие льготы').text).not.toMatch(/Женщинам 1940 г\. р\./);
  });

  it('«я 1966 г.р. женщина когда пенсия»: 58 in 2024, a past year, so the right by age has come', () => {
    const reply = lastReply('я 1966 г.р. женщина когда пенсия');
    expect(reply.text).toMatch(
      /^Женщины 1966 г\. р\. выходят на пенсию по старости в 58 лет — в 2024 г\.\nПо возрасту право на пенсию уже есть\./,
    );
    // 2026 itself depends on the birthday: no verdict.
    expect(lastReply('я 1967 г.р. женщина когда пенсия').text).not.toMatch(/уже есть|ещё не наступил/);
  });

  it("three children and no sex said: the women's line and the mothers' line, without the men's", () => {
    const reply = lastReply('пенсионный возраст', 'а у меня трое детей я 1970 года');
    expect(reply.text).toMatch(/^Женщины 1970 г\. р\. выходят на пенсию по старости в 60 лет — в 2030 г\./);
    expect(reply.text).toContain('Досрочно — многодетные матери');
    expect(reply.text).not.toContain('Мужчины 1970');
    const letter = lastReply('мне 56 лет 1970 года у меня четверо детей стаж 30 лет когда пенсия');
    expect(letter.text).toMatch(/^Женщины 1970 г\. р\./);
    expect(letter.text).not.toContain('Мужчины 1970');
    // A father says so: his line.
    expect(lastReply('я мужчина 1970 года у меня трое детей когда пенсия').text).toMatch(
      /^Мужчины 1970 г\. р\./,
    );
  });
});

describe('after the retirement age card (verification audit 8, M4: k32)', () => {
  it("«а если я работаю»: the pension is paid to working pensioners, not the pensioners' overview's «кто не работает… доплата»", () => {
    const reply = lastReply('я 1966 г.р. женщина когда пенсия', 'а если я работаю');
    expect(reply.text).toContain(
      'Работать после назначения пенсии можно: страховую пенсию платят и работающим пенсионерам, индексацию им вернули с 2025 г.',
    );
    expect(reply.text).not.toContain('кто не работает');
  });

  it('«мне 67 я 1959 года женщина пенсию не оформляла еще можно» → «а как оформить»: it may be filed now, from the day of filing, without back pay', () => {
    const reply = lastReply('мне 67 я 1959 года женщина пенсию не оформляла еще можно', 'а как оформить');
    expect(reply.text).toContain(
      'Если подать позже, пенсию назначат со дня заявления — за прошлые месяцы не доплачивают.',
    );
  });
});
