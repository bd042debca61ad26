/**
 * A birth year told with a broad question of what is due («я 1968 года рождения какие льготы») got «Уточните…» between
 * the retirement age, the birth lump sum («рождения») and large families (citizen audit 7, M4), in a fresh chat each.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const reply = (text: string) => engineChat().send(text);

describe('a birth year asked with what is due', () => {
  it('«я 1968 года рождения какие льготы» gets the retirement age of that year, with the pre-pensioners’ overview and the finder', () => {
    const r = reply('я 1968 года рождения какие льготы');
    expect(r.text).toContain('Женщины 1968 г. р. выходят на пенсию по старости в 60 лет — в 2028 г.');
    expect(r.text).toContain('Мужчины 1968 г. р. выходят на пенсию по старости в 65 лет — в 2033 г.');
    expect(r.buttons).toContain('➡️ Предпенсионеры — кто это и что положено, если уволили перед пенсией');
    expect(r.buttons).toContain('🧮 Подобрать все меры по моей ситуации');
    expect(r.buttons).not.toContain('➡️ Льготы пенсионерам — что положено (все меры в одном месте)');
    // A woman born in 1966 has had her pension since 2024: the pensioners' overview too.
    expect(reply('я 1966 г.р. какие льготы').buttons).toContain(
      '➡️ Льготы пенсионерам — что положено (все меры в одном месте)',
    );
    // Born long before: the pensioners' overview; well after: the finder, the year said, not a guessed age.
    expect(reply('я 1950 г.р. какие льготы').text).toMatch(/^Льготы пенсионерам/);
    expect(reply('1975 года рождения какие льготы').text).toMatch(/^Вы 1975 г\. р\. До пенсионного возраста/);
  });
});
