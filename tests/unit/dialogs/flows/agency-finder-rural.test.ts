/**
 * The agency finder for someone in a village the directory lacks, with the project's own search, regions and
 * intents (data/search/): a village name keeps the finder, the district centre named next is that region's, a
 * question about the offices of a place not in the directory says so, and a Volgograd place is promised no website.
 */
import { describe, expect, it } from 'vitest';
import { engineChat as chat } from '../../../support/engine-chat.js';

describe('the agency finder for a village the directory lacks', () => {
  it('keeps the finder for a village typed at "write your town", then takes the district centre named next', () => {
    const c = chat();
    c.send('[📍 Куда обратиться]');
    const village = c.send('Ключи');
    expect(village.text).toMatch(/^По запросу «Ключи» в справочнике ничего нет/);
    expect(village.text).toMatch(/в каком это районе или рядом с каким городом/);
    expect(village.text).toMatch(/8-800-100-00-01/);
    expect(village.text).not.toMatch(/Я постараюсь помочь/);
    expect(village.buttons).toEqual(expect.arrayContaining(['Пермский край', 'Волгоградская область']));
    const town = c.send('Суксун');
    expect(town.text).toMatch(/^По запросу «Суксун» \(Пермский край\) в справочнике пока нет адресов/);
    expect(town.text).toMatch(/8-800-101-5-111/);
    expect(town.text).toMatch(/mfc\.permkrai\.ru/);
    expect(town.text).not.toMatch(/не помогу/);
    // "помогите" there is a plea, not a village; a welfare question leaves the finder as before.
    const plea = chat();
    plea.send('[📍 Куда обратиться]');
    expect(plea.send('помогите').text).toMatch(/Я постараюсь помочь/);
    const welfare = chat();
    welfare.send('[📍 Куда обратиться]');
    expect(welfare.send('какие пособия положены в Кунгуре').text).not.toMatch(/адресов для|Не нашёл/);
    expect(welfare.state().flow).toBeUndefined();
  });

  it('takes "где соцзащита, я живу в деревне Ключи" for the office question, and "рядом Суксун" for Suksun', () => {
    const c = chat();
    const where = c.send('где соцзащита я живу в деревне Ключи');
    expect(where.text).not.toMatch(/Соцконтракт|подсобное хозяйство/);
    expect(where.text).toMatch(/^По запросу «Ключи» в справочнике ничего нет[\s\S]*рядом с каким городом/);
    const near = c.send('не знаю какой район, рядом Суксун');
    expect(near.text).toMatch(/^По запросу «Суксун» \(Пермский край\) в справочнике пока нет адресов/);
    expect(near.buttons).toContain('Адреса: Пермский край');
    // The region's addresses once: no second «Пермский край» doing the same; the other region stays to choose.
    expect(near.buttons).not.toContain('Пермский край');
    expect(near.buttons).toContain('Волгоградская область');
    // A town the directory has, named the same way, is listed at once.
    expect(c.send('где соцзащита я живу в деревне рядом с Губахой').text).toMatch(
      /^Губаха — адресов в справочнике: 1/,
    );
    // Subsidies for a household farm are still the social contract.
    expect(chat().send('где оформить соцконтракт на хозяйство в деревне').text).toMatch(/Соцконтракт/);
  });

  it('answers "а часы работы какие" after "not in the directory" about that place, with the hotline, not as a place', () => {
    const c = chat();
    c.send('[📍 Куда обратиться]');
    c.send('[Пермский край]');
    c.send('кунгур');
    const hours = c.send('а часы работы какие');
    expect(hours.text).not.toMatch(/ничего нет/);
    expect(hours.text).toMatch(/^Часов работы по запросу «Кунгур» в справочнике нет/);
    expect(hours.text).toMatch(/8-800-101-5-111/);
    const saturday = c.send('а в субботу работают?');
    expect(saturday.text).toMatch(/^Часов работы по запросу «Кунгур» в справочнике нет/);
    expect(saturday.text).not.toMatch(/Консультанты отвечают/);
    expect(c.send('а мфц там есть').text).toMatch(/^По запросу «Кунгур» в справочнике нет МФЦ/);
  });

  it('promises no MFC website for a Volgograd place (the directory has none), and gives the hotline', () => {
    const c = chat();
    c.send('[📍 Куда обратиться]');
    const village = c.send('Ольховка');
    expect(village.text).toMatch(
      /^По запросу «Ольховка» \(Волгоградская область\) в справочнике пока нет адресов\. Справочник неполный — позвоните на горячую линию:/,
    );
    expect(village.text).not.toMatch(/на сайте/);
    expect(village.text).toMatch(/8-800-100-00-01/);
  });

  it('gives «📍 Адреса и часы работы» for the village the question named, instead of asking for the town again', () => {
    const c = chat();
    c.send('а адрес соцзащиты какой я в Ольховке живу');
    const offices = c.send('[📍 Адреса и часы работы]');
    expect(offices.text).not.toMatch(/Напишите ваш город/);
    expect(offices.text).toMatch(
      /^По запросу «Ольховке» \(Волгоградская область\) в справочнике пока нет адресов/,
    );
    expect(offices.text).toMatch(/8-800-100-00-01/);
  });
});
