import { describe, expect, it } from 'vitest';
import { createKnowledgeSearch } from '../../../src/search/knowledge-search.js';
import { createTextUnderstanding } from '../../../src/search/text-understanding.js';
import { fixtureKb, projectResources } from './fixtures/fixture-search.js';

const understanding = createTextUnderstanding({ resources: projectResources(), kb: fixtureKb() });

describe('sectionRequest', () => {
  it.each([
    ['а какие документы нужны?', 'documents'],
    ['какие справки собирать', 'documents'],
    ['а сколько платят?', 'amount'],
    ['скока дают', 'amount'],
    ['куда подавать?', 'apply'],
    ['а как оформить', 'apply'],
    ['кто может получить', 'eligibility'],
    ['а нам положено?', 'eligibility'],
    ['по какому закону', 'legal'],
    ['как обжаловать', 'appeal'],
    ['а если откажут, что делать?', 'appeal'],
  ] as const)('reads "%s" as a request for %s', (text, section) => {
    expect(understanding.sectionRequest(text)).toBe(section);
  });

  it('forgives typos and the wrong keyboard layout', () => {
    expect(understanding.sectionRequest('а какие дакументы нужны')).toBe('documents');
    expect(understanding.sectionRequest('f rfrbt ljrevtyns')).toBe('documents');
  });

  it('treats a message that names its own subject as a new question', () => {
    expect(understanding.sectionRequest('какие документы нужны на маткапитал')).toBeUndefined();
    expect(understanding.sectionRequest('сколько платят по безработице')).toBeUndefined();
    expect(understanding.sectionRequest('куда подавать на субсидию')).toBeUndefined();
  });

  it('with bare, takes only a message that says nothing but the request', () => {
    expect(understanding.sectionRequest('а сколько платят?', { bare: true })).toBe('amount');
    expect(understanding.sectionRequest('а какие документы нужны?', { bare: true })).toBe('documents');
    expect(understanding.sectionRequest('какие документы на рыбалку', { bare: true })).toBeUndefined();
    expect(understanding.sectionRequest('какие документы на рыбалку')).toBe('documents');
  });

  it('ignores messages without a section cue and long messages', () => {
    expect(understanding.sectionRequest('спасибо')).toBeUndefined();
    expect(
      understanding.sectionRequest('мне 58 лет меня сократили с работы и я не знаю куда теперь подавать'),
    ).toBe(undefined);
  });
});

describe('region', () => {
  it.each([
    ['в Перми', 'perm'],
    ['Пермский край, Кунгур', 'perm'],
    ['живу в Березниках', 'perm'],
    ['соцзащита в Соликамске', 'perm'],
    ['я из Чайковского', 'perm'],
    ['Волгоград', 'volgograd'],
    ['Волгоградская область', 'volgograd'],
    ['в Камышине', 'volgograd'],
    ['город Волжский', 'volgograd'],
    ['Урюпинск', 'volgograd'],
    ['мы из Михайловки', 'volgograd'],
  ] as const)('finds the region in "%s"', (text, region) => {
    expect(understanding.region(text)).toBe(region);
  });

  it('finds no region where none or both are named', () => {
    expect(understanding.region('Москва')).toBeUndefined();
    expect(understanding.region('переехали из Перми в Волгоград')).toBeUndefined();
    // «Ленинский район» is Perm's and Volgograd oblast's: the town of Ленинск is Volgograd's by its own forms only.
    expect(understanding.region('в соцзащите ленинского района нагрубили')).toBeUndefined();
    expect(understanding.region('ленинского района перми')).toBe('perm');
    expect(understanding.region('я из ленинска')).toBe('volgograd');
  });

  it('reads a region typed in the wrong layout', () => {
    expect(understanding.region('gthvm')).toBe('perm');
  });
});

describe('place', () => {
  it.each([
    'в саратове',
    'из саратова',
    'Саратов',
    'саратовская область',
    'я живу в саратове какие выплаты на детей',
    'я из саратова',
    'г. Энгельс',
  ])('finds Saratov oblast, outside the served regions, in "%s"', (text) => {
    expect(understanding.place(text)).toMatchObject({ region: 'other', otherRegion: 'saratov' });
    expect(understanding.otherRegionName('saratov')).toBe('Саратовская область');
  });

  it.each([
    ['из Москвы', 'moscow'],
    ['живу в Екатеринбурге', 'sverdlovsk'],
    ['мы из Казани', 'tatarstan'],
    ['в Нижнем Новгороде', 'nizhny-novgorod'],
    ['Краснодарский край', 'krasnodar'],
    ['в уфе', 'bashkortostan'],
    ['я из кирова', 'kirov'],
  ] as const)('finds another region in "%s"', (text, id) => {
    expect(understanding.place(text)).toMatchObject({ region: 'other', otherRegion: id });
  });

  it('tells a message of only a place from a question that names one', () => {
    for (const text of [
      'я из саратова',
      'Я ЖИВУ В КАМЫШИНЕ',
      'я из волжского',
      'Саратов',
      'город Энгельс',
      'другой регион',
    ])
      expect(understanding.place(text)?.only, text).toBe(true);
    for (const text of ['я живу в саратове какие выплаты на детей', 'субсидия в камышине'])
      expect(understanding.place(text)?.only, text).toBe(false);
    expect(understanding.place('я из волжского')).toMatchObject({ region: 'volgograd' });
  });

  it('takes a place said twice, or with two place words, for a place alone (the benefit finder asked again, or left)', () => {
    for (const text of [
      'саратовская область, город саратов',
      'г. Энгельс Саратовской обл',
      'пермский край город пермь',
    ])
      expect(understanding.place(text), text).toMatchObject({ only: true, own: true });
    expect(understanding.place('саратовская область город саратов выплаты')?.only).toBe(false);
    // A move said with the place is the place too: «мы переехали в волгоград» was searched, and got «не уверен».
    expect(understanding.place('мы переехали в волгоград')).toMatchObject({
      region: 'volgograd',
      only: true,
    });
  });

  it('leaves served places to their region, and words that only look like places alone', () => {
    // Perm has a Sverdlovsky district, many towns a Kirov street; the siege of Leningrad is a status, Chechnya a war.
    expect(understanding.place('свердловский район перми')).toMatchObject({ region: 'perm' });
    for (const text of [
      'улица Кирова 5',
      'жителям блокадного ленинграда что положено',
      'ветеран боевых действий в чечне льготы',
      'мск на двоих детей сколько',
      'переехала в другой регион как перевести пенсию',
      'переехали из Перми в Волгоград',
    ])
      expect(understanding.place(text), text).toBeUndefined();
  });
});

describe('namesSubject', () => {
  it("finds a word of the entries' titles or keywords, or a measure by its everyday name, typos forgiven", () => {
    for (const text of ['оформить субсидию', 'выплаты положены пенсионерам', 'субсидею', 'детские'])
      expect(understanding.namesSubject(text), text).toBe(true);
  });

  it('finds none in particles and politeness', () => {
    for (const text of ['ну а', 'тоже', 'пажалуйста'])
      expect(understanding.namesSubject(text), text).toBe(false);
  });
});

describe('statedTerms', () => {
  const terms = (text: string, curated = false) => understanding.statedTerms(text, { curated });

  it('keeps a negation with the word it negates: "не работаю" agrees with "не работают", not with "работает"', () => {
    expect(terms('я не работаю')).toEqual(['не работа']);
    expect(terms('если не работают', true)).toContain('не работа');
    expect(terms('который работает', true)).toContain('работа');
    expect(terms('который работает', true)).not.toContain('не работа');
  });

  it('reads a situation in everyday words as the answers name it, one term for the phrase', () => {
    const caring = terms('ухаживает за детьми умершего', true)[0];
    expect(terms('сижу с младшим')).toEqual([caring]);
    expect(terms('сижу с ребенком')).toEqual([caring]);
  });

  it('reads synonyms as search does and leaves stop words out', () => {
    expect(terms('а пересчитают сами или надо снова подавать')).toEqual(
      terms('перерасчет снова подавать', true),
    );
    expect(terms('а мне')).toEqual([]);
  });
});

describe('subject words', () => {
  it('are counted while indexing exactly as reading the titles and keywords again counts them', () => {
    const kb = fixtureKb();
    const search = createKnowledgeSearch(kb, { resources: projectResources() });
    const whileIndexing = search.analyzer.subjectTermShares(kb.entries);
    expect(whileIndexing.size).toBeGreaterThan(0);
    expect([...whileIndexing]).toEqual([...search.analyzer.subjectTermShares([...kb.entries])]);
  });
});

describe('one message read in turn by the engine and the search', () => {
  it('gets the same answers as when each part reads every message on its own', () => {
    const kb = fixtureKb();
    const search = createKnowledgeSearch(kb, { resources: projectResources() });
    const shared = createTextUnderstanding({ resources: projectResources(), kb, analyzer: search.analyzer });
    const texts = [
      'в Камышине какие пособия',
      'а какие документы?',
      'gthvm',
      'пособие на ребенка в Перми',
      'пособие на ребенка в Перми',
      'Волгоград',
      'сколько платят',
    ];
    const asTheEngineReads = texts.map((text) => ({
      region: shared.region(text),
      outcome: search.search(text),
      section: shared.sectionRequest(text),
    }));
    const regions = texts.map((text) => shared.region(text));
    const outcomes = texts.map((text) => search.search(text));
    const sections = texts.map((text) => shared.sectionRequest(text));
    expect(asTheEngineReads).toEqual(
      texts.map((_, i) => ({ region: regions[i], outcome: outcomes[i], section: sections[i] })),
    );
    expect(regions).toEqual(['volgograd', undefined, 'perm', 'perm', 'perm', 'volgograd', undefined]);
    expect(sections[1]).toBe('documents');
  });
});

describe('subjectWords', () => {
  it('keeps what a follow-up names and drops the cues of parts, follow-up words and stop words', () => {
    expect(understanding.subjectWords('а мне за уход сколько')).toEqual(['уход']);
    expect(understanding.subjectWords('а пенсия ребенку сколько')).toEqual(['пенсия']);
    expect(understanding.subjectWords('а продлевать надо')).toEqual(['продлевать']);
  });

  it('is empty for a follow-up that only asks for a part or about the measure shown', () => {
    expect(understanding.subjectWords('а какие документы нужны?')).toEqual([]);
    expect(understanding.subjectWords('а куда подавать')).toEqual([]);
    expect(understanding.subjectWords('а что дает')).toEqual([]);
    expect(understanding.subjectWords('а мне положено?')).toEqual([]);
  });
});
