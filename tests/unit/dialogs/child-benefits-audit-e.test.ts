/**
 * Children's benefits asked in a first message (helper E's findings). «что положено на ребенка» was refused as
 * off-topic, though «какие выплаты на ребенка» got the unified benefit's card: what is «положено», «полагается» or
 * «дают» on a child is which benefits. «ребенок 2015 года рождения какие выплаты» got «Я не уверен» with the birth lump
 * sum on «рождения»: a child's birth year is the child's age (11 in 2026), and what is paid at that age answers.
 * «сижу с ребенком 2 года какие выплаты» got the unified benefit without the capital's monthly payment up to 3, and
 * «сижу с ребенком второй год какие выплаты» the childcare benefit (to 1.5) without the unified benefit: the entry of
 * another topic that the question's hint raised beside the answer is now a button under it.
 */
import { describe, expect, it } from 'vitest';
import { childBirthYearsAsAges } from '../../../src/i18n/birth-years.js';
import { normalizeWords } from '../../../src/search/russian-normalizer.js';
import { createTopicHints } from '../../../src/search/topic-hints.js';
import { engineChat } from '../../support/engine-chat.js';
import { fixtureKb, projectResources } from '../search/fixtures/fixture-search.js';

const UNIFIED = 'Единое пособие на детей до 17 лет';
const DISABLED_CHILD = 'Ребёнок-инвалид';
const CHILDCARE = 'Кто может получать пособие до 1,5 лет';
const BIRTH_LUMP_SUM = 'Единовременное пособие при рождении ребёнка';

describe('children’s benefits in a first message', () => {
  it.each([
    'что положено на ребенка',
    'что полагается на ребенка',
    'что дают на ребенка',
    'что положено на детей',
    'что дают на малыша',
    'что нам положено на ребенка',
  ])('«%s» asks which benefits: the unified benefit’s card', (q) => {
    const reply = engineChat().send(q);
    expect(reply.text.startsWith(UNIFIED), reply.text.slice(0, 80)).toBe(true);
  });

  it.each(['что положено на ребенка инвалида', 'что положено на ребенка с инвалидностью'])(
    '«%s» is still the disabled child’s card',
    (q) => {
      expect(engineChat().send(q).text.startsWith(DISABLED_CHILD)).toBe(true);
    },
  );

  it.each([
    'ребенок 2015 года рождения какие выплаты',
    'сын 2024 г р какие выплаты',
    'дочка 2012 года рождения что нам положено',
  ])('«%s»: the child’s age from the birth year, the unified benefit', (q) => {
    const reply = engineChat().send(q);
    expect(reply.text.startsWith(UNIFIED), reply.text.slice(0, 80)).toBe(true);
  });

  it('a child born last year is under 1.5: the childcare benefit; born this year, the birth lump sum is offered', () => {
    expect(engineChat().send('сын 2025 г р что положено').text.startsWith(CHILDCARE)).toBe(true);
    expect(engineChat().send('ребенок 2026 года рождения какие выплаты').buttons.join('|')).toContain(
      BIRTH_LUMP_SUM,
    );
  });

  it('reads a child’s birth year as an age, and the hints’ context is the year’s own words', () => {
    const view = (text: string) => childBirthYearsAsAges(normalizeWords(text), 2026)?.words.join(' ');
    expect(view('ребенок 2015 года рождения какие выплаты')).toBe('ребенок 11 лет какие выплаты');
    expect(view('сын 2025 гр')).toBe('сын 1 год');
    expect(view('внук 2023 г р')).toBe('внук 3 года');
    // A son or a daughter up to 23 (the measures kept while one studies, helper H); older, a child born this year,
    // someone not a child: no age.
    expect(view('дочь 2008 г р пособие')).toBe('дочь 18 лет пособие');
    expect(view('дочь 2000 г р пособие')).toBeUndefined();
    expect(view('ребенок 2026 года рождения')).toBeUndefined();
    expect(view('мама 2015 года рождения')).toBeUndefined();
    const topics = new Set(fixtureKb().taxonomy.topics.map((t) => t.slug));
    const hints = createTopicHints(projectResources().topicHints, topics);
    const words = normalizeWords('ребенок 2015 года рождения какие выплаты');
    const reading = hints.read(words, 2026);
    expect(reading.entries.get('ep-children-overview')).toBe(4);
    expect([...reading.context].sort().map((at) => words[at])).toEqual(['2015', 'года', 'рождения']);
  });

  it('minding a child «второй год»: the childcare benefit, the unified benefit a button under it', () => {
    for (const q of ['сижу с ребенком второй год какие выплаты', 'сижу с ребенком второй год что положено']) {
      const reply = engineChat().send(q);
      expect(reply.text.startsWith(CHILDCARE), q).toBe(true);
      expect(
        reply.buttons.some((b) => b.startsWith('➡️ Ещё: Единое пособие на детей')),
        q,
      ).toBe(true);
    }
  });

  it('a child under 1.5: the childcare benefit, the unified benefit a button under it', () => {
    const reply = engineChat().send('ребенку 1 год какие выплаты положены');
    expect(reply.text.startsWith(CHILDCARE)).toBe(true);
    expect(reply.buttons.some((b) => b.startsWith('➡️ Ещё: Единое пособие на детей'))).toBe(true);
  });
});
