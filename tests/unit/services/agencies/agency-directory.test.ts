/**
 * The agency directory (data/agencies/): finding offices by a typed town (typos, case, declension, wrong keyboard
 * layout) and by location (the three nearest, with distances), and "open now" in the office's own time zone.
 */
import { describe, expect, it } from 'vitest';
import { loadAgencyDirectory, streetOf } from '../../../../src/services/agencies/agency-directory.js';
import {
  agenciesIn,
  distanceKm,
  editDistance,
  findPlaces,
  nearestAgencies,
  placeNamedIn,
  wordMatch,
} from '../../../../src/services/agencies/agency-search.js';
import {
  formatWeeklyHours,
  localTime,
  openState,
  parseWeeklyHours,
  type WeeklyHours,
} from '../../../../src/services/agencies/opening-hours.js';

const { directory, problems } = loadAgencyDirectory('data');

describe('the directory', () => {
  it('loads both regions without problems, every record with a source and a date', () => {
    expect(problems).toEqual([]);
    expect(directory.regions.map((r) => r.region).sort()).toEqual(['perm', 'volgograd']);
    for (const a of directory.agencies) {
      expect(a.source.length, a.id).toBeGreaterThan(3);
      expect(a.asOf, a.id).toMatch(/^(\d{4}(-\d{2}(-\d{2})?)?|unknown)$/);
    }
    for (const r of directory.regions) expect(r.hotlines.length).toBeGreaterThan(0);
  });

  it('has the size the report states (Perm 8 offices + 2 hotlines + 1 network, Volgograd 7 + 1 + 1)', () => {
    const size = (region: 'perm' | 'volgograd') => {
      const r = directory.region(region)!;
      return [r.agencies.length, r.hotlines.length, r.networks.length];
    };
    expect(size('perm')).toEqual([8, 2, 1]);
    expect(size('volgograd')).toEqual([7, 1, 1]);
  });
});

describe('finding a typed town or district', () => {
  const found = (text: string) => findPlaces(directory, text).map((m) => m.place.id);

  it.each([
    ['Волжский', 'volzhsky'],
    ['ВОЛЖСКИЙ', 'volzhsky'],
    ['в Волжском', 'volzhsky'],
    ['волжкий', 'volzhsky'],
    ['djk;crbq', 'volzhsky'],
    ['Пермь', 'perm'],
    ['в перми', 'perm'],
    ['перьм', 'perm'],
    ['Gthvm', 'perm'],
    ['валгоград', 'volgograd'],
    ['г. Волгоград', 'volgograd'],
    ['фролово', 'frolovo'],
    ['Фроловский район', 'frolovo'],
    ['губахе', 'gubakha'],
    ['индустриальный район', 'perm-industrialny'],
    ['Дзержинский район Волгограда', 'volgograd-dzerzhinsky'],
    ['краснооктябрьский', 'volgograd-krasnooktyabrsky'],
  ])('"%s" → %s', (text, place) => {
    expect(found(text)).toEqual([place]);
  });

  it('finds nothing for a town the directory does not have, or for noise', () => {
    expect(found('Березники')).toEqual([]);
    expect(found('Москва')).toEqual([]);
    expect(found('мфц')).toEqual([]);
    // Пермский район is a municipality of its own, not the city of Perm.
    expect(found('Пермский район')).toEqual([]);
  });

  it('reads no common word as a place: "очереди" is not Очёр, "первый" not Пермь, "коляска" not Волжский', () => {
    for (const word of COMMON_WORDS) expect(found(word), word).toEqual([]);
  });

  it('keeps typos and declined forms of real names', () => {
    expect(found('валгограде')).toEqual(['volgograd']);
    expect(found('вологоград')).toEqual(['volgograd']);
    expect(found('волжком')).toEqual(['volzhsky']);
    expect(found('фралово')).toEqual(['frolovo']);
    expect(found('в Очёре')).toEqual(['pavlovsky-ochyor']);
    expect(found('пермью')).toEqual(['perm']);
  });

  it('compares words by stem and tolerates one or two typos, not more', () => {
    expect(wordMatch('волгограде', 'волгоград')).toBe(2);
    expect(wordMatch('валгоград', 'волгоград')).toBe(1);
    expect(wordMatch('вологда', 'волгоград')).toBe(0);
    expect(editDistance('перьм', 'пермь')).toBe(1);
  });

  it('lists a city with its districts, the office of a district first', () => {
    const perm = agenciesIn(directory, directory.place('perm')!).map((a) => a.id);
    expect(perm).toHaveLength(6);
    expect(perm).toContain('perm-esc-industrialny');
    const district = agenciesIn(directory, directory.place('perm-industrialny')!).map((a) => a.id);
    expect(district[0]).toBe('perm-esc-industrialny');
  });

  it('lists the kind asked for first, the districts’ offices of that kind before the city’s own of another kind', () => {
    const volgograd = directory.place('volgograd')!;
    const mfc = agenciesIn(directory, volgograd, 'mfc');
    const firstOther = mfc.findIndex((a) => a.kind !== 'mfc');
    expect(firstOther).toBeGreaterThan(0);
    expect(mfc.slice(0, firstOther).every((a) => a.kind === 'mfc')).toBe(true);
    expect(mfc.slice(firstOther).some((a) => a.kind === 'mfc')).toBe(false);
    // The same offices as without the kind asked, only in another order.
    expect(mfc.map((a) => a.id).sort()).toEqual(
      agenciesIn(directory, volgograd)
        .map((a) => a.id)
        .sort(),
    );
  });
});

/** Russian words and phrases a few letters from a town or district of the directory. */
const COMMON_WORDS = [
  'очереди',
  'очередь',
  'я стою в очереди',
  'очередной район',
  'очерк',
  'первый',
  'период',
  'перед',
  'премии',
  'уролог',
  'коляска',
  'воинский',
  'долгого',
  'губка',
  'губках',
  'павлович',
  'волгоградская',
];

describe('a place named in a question', () => {
  const named = (text: string) => {
    const n = placeNamedIn(directory, text);
    return n && { place: n.place.id, rest: n.rest.join(' ') };
  };

  it('is the town or district after "в", "во", "из", with the other words of the question', () => {
    expect(named('а куда идти во фролово')).toEqual({ place: 'frolovo', rest: 'а куда идти' });
    expect(named('где соцзащита в Волжском?')).toEqual({ place: 'volzhsky', rest: 'где соцзащита' });
    expect(named('во Фроловском районе куда обращаться')).toEqual({
      place: 'frolovo',
      rest: 'куда обращаться',
    });
    expect(named('где мфц в дзержинском районе волгограда')).toEqual({
      place: 'volgograd-dzerzhinsky',
      rest: 'где мфц',
    });
    expect(named('я живу в г. Губаха, какие льготы')?.place).toBe('gubakha');
    expect(named('адреса из волжского')).toEqual({ place: 'volzhsky', rest: 'адреса' });
  });

  it('is, for a question about offices, a town named without "в": written out or declined, not mistyped', () => {
    const alone = (text: string) => {
      const n = placeNamedIn(directory, text, { alone: true });
      return n && { place: n.place.id, rest: n.rest.join(' ') };
    };
    expect(alone('соцзащита фролово адрес')).toEqual({ place: 'frolovo', rest: 'соцзащита адрес' });
    expect(alone('мфц волжский телефон')).toEqual({ place: 'volzhsky', rest: 'мфц телефон' });
    expect(alone('адрес мфц дзержинский район волгограда')).toEqual({
      place: 'volgograd-dzerzhinsky',
      rest: 'адрес мфц',
    });
    expect(alone('где мфц перми')?.place).toBe('perm');
    // With "в" the preposition's reading wins, as without the option.
    expect(alone('мфц в волжском')).toEqual({ place: 'volzhsky', rest: 'мфц' });
    expect(alone('пенсионный фонд камышин')).toBeUndefined();
    expect(alone('мфц фралово адрес')).toBeUndefined();
    expect(named('соцзащита фролово адрес')).toBeUndefined();
    for (const word of COMMON_WORDS) expect(alone(`мфц ${word} адрес`), word).toBeUndefined();
  });

  it('is the same for a question asked again, whichever caller asked it first', () => {
    // Remembered per text and option (see placeNamedIn): one caller's reading must not become another's.
    const first = placeNamedIn(directory, 'где мфц в волжском');
    expect(first).toBeDefined();
    expect(() => (first!.rest as string[]).push('адрес')).toThrow(TypeError);
    expect(named('где мфц в волжском')).toEqual({ place: 'volzhsky', rest: 'где мфц' });
    expect(placeNamedIn(directory, 'мфц фролово', { alone: true })?.place.id).toBe('frolovo');
    expect(named('мфц фролово')).toBeUndefined();
    const other = loadAgencyDirectory('data').directory;
    expect(placeNamedIn(other, 'где мфц в волжском')?.place).toBe(other.place('volzhsky'));
  });

  it('is nothing for a town the directory lacks, or for a word after "в" that only looks like a town', () => {
    expect(named('адрес мфц в камышине')).toBeUndefined();
    expect(named('стою в очереди на жильё')).toBeUndefined();
    expect(named('фролово')).toBeUndefined();
    expect(named('пенсия в волгоградской области')).toBeUndefined();
  });
});

describe('the street of an address, for a map button', () => {
  it.each([
    ['403538, Волгоградская обл., г. Фролово, ул. Пролетарская, 14/2', 'ул. Пролетарская, 14/2'],
    ['403538, Волгоградская обл., г. Фролово, ул. Пролетарская, д. 12', 'ул. Пролетарская, 12'],
    ['ул. Полесская, 3а (остановка «Ул. 51-я Гвардейская»)', 'ул. Полесская, 3а'],
    ['ул. Богунская (номер дома в источнике не указан)', 'ул. Богунская'],
    ['614006, Пермь, ул. Ленина, 51, кабинет 208', 'ул. Ленина, 51'],
    ['улица Ленина, 92, офис 100, этаж 1', 'ул. Ленина, 92'],
    ['шоссе Космонавтов, 65, этаж 3', 'шоссе Космонавтов, 65'],
    ['пр. Жукова, 125', 'пр. Жукова, 125'],
  ])('"%s" → %s', (address, street) => {
    expect(streetOf(address)).toBe(street);
  });

  it('is nothing where no part of the address is a street', () => {
    expect(streetOf('пос. Павловский')).toBeUndefined();
    expect(streetOf('здание администрации')).toBeUndefined();
  });
});

describe('finding the nearest offices to a location', () => {
  it('gives three, nearest first, with distances (to the town centre where the office has no coordinates)', () => {
    // A point in Volzhsky, about 1.4 km from its centre and about 20 km from the centre of Volgograd.
    const nearest = nearestAgencies(directory, { lat: 48.79, lon: 44.75 });
    expect(nearest).toHaveLength(3);
    expect(nearest[0]!.agency.id).toBe('volgograd-cszn-volzhsky');
    expect(nearest[0]!.km).toBeCloseTo(1.4, 0);
    expect(nearest[1]!.km).toBeGreaterThan(18);
    expect(nearest[1]!.km).toBeLessThan(22);
    expect(nearest.every((n) => n.toTownCentre)).toBe(true);
    expect(nearest.map((n) => n.km)).toEqual([...nearest.map((n) => n.km)].sort((a, b) => a - b));
  });

  it('prefers different kinds of office among equally distant ones', () => {
    const nearest = nearestAgencies(directory, { lat: 58.01, lon: 56.25 });
    expect(new Set(nearest.map((n) => n.agency.kind)).size).toBe(3);
  });

  it('measures great-circle distances (Perm to Volgograd is about 1 300 km)', () => {
    expect(distanceKm({ lat: 58.0, lon: 56.3167 }, { lat: 48.7082, lon: 44.5153 })).toBeGreaterThan(1250);
    expect(distanceKm({ lat: 58.0, lon: 56.3167 }, { lat: 48.7082, lon: 44.5153 })).toBeLessThan(1350);
  });
});

describe('opening hours and "open now"', () => {
  const mfc = parseWeeklyHours({ 'mon-fri': '09:00-20:00', sat: '09:00-17:00' }) as { hours: WeeklyHours };
  const PERM = 5;
  const VOLGOGRAD = 3;
  // Monday 23 November 2026, given in UTC.
  const utc = (day: number, h: number, m = 0) => Date.UTC(2026, 10, 23 + day, h, m);

  it("reads the curators' form and rejects nonsense with a reason", () => {
    expect('hours' in mfc).toBe(true);
    expect(parseWeeklyHours({ 'mon-fri': '9-18' })).toEqual({ error: expect.stringMatching(/09:00-18:00/) });
    expect(parseWeeklyHours({ funday: '09:00-18:00' })).toEqual({ error: expect.stringMatching(/days are/) });
    expect(parseWeeklyHours({ 'mon-fri': '09:00-18:00', fri: '10:00-12:00' })).toEqual({
      error: expect.stringMatching(/fri is given twice/),
    });
  });

  it('computes local time: 04:30 UTC is 09:30 in Perm and 07:30 in Volgograd', () => {
    expect(localTime(utc(0, 4, 30), PERM)).toEqual({ day: 0, minute: 9 * 60 + 30 });
    expect(localTime(utc(0, 4, 30), VOLGOGRAD)).toEqual({ day: 0, minute: 7 * 60 + 30 });
  });

  it('an office that opens at 9 is open in Perm but not yet in Volgograd at 04:30 UTC', () => {
    expect(openState(mfc.hours, utc(0, 4, 30), PERM)).toEqual({ open: true, closesAt: 20 * 60 });
    expect(openState(mfc.hours, utc(0, 4, 30), VOLGOGRAD)).toEqual({
      open: false,
      opensAt: { day: 0, minute: 9 * 60, today: true },
    });
  });

  it('closes at 20:00 local: 15:00 UTC is closed in Perm, open in Volgograd', () => {
    expect(openState(mfc.hours, utc(0, 15, 0), PERM).open).toBe(false);
    expect(openState(mfc.hours, utc(0, 15, 0), VOLGOGRAD)).toEqual({ open: true, closesAt: 20 * 60 });
  });

  it('the local date can differ from the UTC date: Sunday 20:00 UTC is Monday 01:00 in Perm', () => {
    expect(openState(mfc.hours, utc(-1, 20, 0), PERM)).toEqual({
      open: false,
      opensAt: { day: 0, minute: 9 * 60, today: true },
    });
    // Saturday after closing: next opening is Monday (Sunday is not listed, so it is closed).
    expect(openState(mfc.hours, utc(5, 13, 0), PERM)).toEqual({
      open: false,
      opensAt: { day: 0, minute: 9 * 60, today: false },
    });
  });

  it('handles a lunch break', () => {
    const withBreak = parseWeeklyHours({ 'mon-fri': '09:00-13:00, 14:00-18:00' }) as { hours: WeeklyHours };
    expect(openState(withBreak.hours, utc(0, 8, 30), PERM)).toEqual({
      open: false,
      opensAt: { day: 0, minute: 14 * 60, today: true },
    });
  });

  it('formats hours the way people read them', () => {
    const days = 'Пн,Вт,Ср,Чт,Пт,Сб,Вс'.split(',');
    expect(formatWeeklyHours(mfc.hours, days)).toBe('Пн–Пт 9:00–20:00, Сб 9:00–17:00');
    const frolovo = parseWeeklyHours({
      mon: '09:00-20:00',
      'tue-fri': '09:00-18:00',
      sat: '09:00-15:00',
      sun: 'closed',
    });
    expect(formatWeeklyHours((frolovo as { hours: WeeklyHours }).hours, days)).toBe(
      'Пн 9:00–20:00, Вт–Пт 9:00–18:00, Сб 9:00–15:00',
    );
  });
});
