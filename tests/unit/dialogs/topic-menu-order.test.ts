/**
 * Browsing by buttons, with the project's knowledge base: a topic's list leads with its main entry (front matter
 * `menu_order`), not with whatever file comes first by name.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

describe("a topic's list of entries", () => {
  it('leads with the measure itself, then how much, and keeps the rest', () => {
    const c = engineChat();
    c.send('/start');
    c.send('[👨‍👩‍👧 Семьи с детьми]');
    const list = c.send('[Единое пособие на детей до 17 лет]');
    expect(list.buttons.slice(0, 2)).toEqual([
      'Единое пособие на детей до 17 лет — кому положено и как оформить',
      'Сколько платят единое пособие на ребёнка — 50, 75 или 100%',
    ]);
    // The alimony rule, first by its file's name before, is still listed.
    expect(list.buttons).toContain('Алименты и единое пособие — «условные» алименты с 1 марта 2026 года');
  });

  it("leads the old-age pension's list with everything pensioners are entitled to, then the retirement age", () => {
    const c = engineChat();
    c.send('/start');
    c.send('[👵 Пенсии и пожилые]');
    const list = c.send('[Страховая пенсия по старости: возраст, стаж, баллы]');
    expect(list.buttons.slice(0, 2)).toEqual([
      'Льготы пенсионерам — что положено (все меры в одном месте)',
      'Во сколько лет выходят на пенсию — пенсионный возраст по году рождения',
    ]);
    // Nine entries (the working pensioners' card the ninth), «Назад», «Консультант», «Меню».
    expect(list.buttons).toHaveLength(9 + 3);
    expect(list.buttons).toContain('Можно ли работать на пенсии — что сохраняется, а что прекращается');
  });
});
