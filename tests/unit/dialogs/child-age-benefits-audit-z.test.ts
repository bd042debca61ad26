/**
 * What is paid for a child of a given age (helper Z's findings 1–4). «какие выплаты на малыша» got «Я не уверен» with
 * ЕДВ to people with a disability offered; «сижу с ребенком 2 года какие выплаты» «Я не уверен» with nothing;
 * «ребенку 1 год какие выплаты положены» choices led by ЕДВ; «сижу с ребенком 3 лет какие выплаты» choices led by the
 * capital's monthly payment, which ends at 3. The child's age matched other measures' numbers («2» of «2 группы», «до
 * 3 лет»); now it says whose the question is, and what is paid at that age answers.
 */
import { describe, expect, it } from 'vitest';
import { normalizeWords } from '../../../src/search/russian-normalizer.js';
import { createTopicHints } from '../../../src/search/topic-hints.js';
import { engineChat } from '../../support/engine-chat.js';
import { fixtureKb, projectResources } from '../search/fixtures/fixture-search.js';

const UNIFIED = 'Единое пособие на детей до 17 лет';
const CHILDCARE = 'Кто может получать пособие до 1,5 лет';
const MATCAP_MONTHLY = 'Ежемесячная выплата из маткапитала на ребёнка до 3 лет';

describe('what is paid for a child of a given age', () => {
  it.each(['какие выплаты на малыша', 'какие пособия на малышей', 'выплаты на младенца'])(
    '«%s» is a question about a child: the unified benefit',
    (q) => {
      expect(engineChat().send(q).text.startsWith(UNIFIED)).toBe(true);
    },
  );

  it.each([
    'ребенку 1 год какие выплаты положены',
    'сижу с ребенком 1 год что положено',
    'малышу 8 месяцев что положено',
    'сыну полгода какие пособия',
    'дочке 8 месяцев что положено',
  ])(
    '«%s»: under 1.5 years, the childcare benefit (whose card names the unified benefit for those not working)',
    (q) => {
      const reply = engineChat().send(q);
      expect(reply.text.startsWith(CHILDCARE), reply.text.slice(0, 80)).toBe(true);
      expect(reply.text).toContain('единое пособие');
    },
  );

  it.each([
    'сижу с ребенком 3 лет какие выплаты',
    'ребенку 3 года какие выплаты положены',
    'сыну 4 года какие выплаты',
    'дочке 10 лет что нам положено',
  ])('«%s»: from 3 years, the unified benefit, and the capital’s payment to 3 is not offered', (q) => {
    const reply = engineChat().send(q);
    expect(reply.text.startsWith(UNIFIED), reply.text.slice(0, 80)).toBe(true);
    expect(reply.buttons.join('|')).not.toContain(MATCAP_MONTHLY);
  });

  // Under 3 the capital's monthly payment is offered beside the answer, a button (helper E, finding 3).
  it.each(['сижу с ребенком 2 года какие выплаты', 'ребенку 2 года какие выплаты положены'])(
    '«%s»: from 1.5 to 3 years, the unified benefit, the capital’s payment to 3 a button under it',
    (q) => {
      const reply = engineChat().send(q);
      expect(reply.text.startsWith(UNIFIED), reply.text.slice(0, 80)).toBe(true);
      expect(reply.buttons.filter((b) => b.includes(MATCAP_MONTHLY))).toEqual([`➡️ Ещё: ${MATCAP_MONTHLY}`]);
    },
  );

  it('a measure named beside the age is still that measure', () => {
    expect(engineChat().send('ребенку 2 года какие выплаты из маткапитала').text).toMatch(
      /^Ежемесячная выплата из маткапитала/,
    );
  });

  it('the age and «сижу» are context only with a child named and a broad question, and not an age bounded', () => {
    const topics = new Set(fixtureKb().taxonomy.topics.map((t) => t.slug));
    const hints = createTopicHints(projectResources().topicHints, topics);
    const read = (text: string) => {
      const words = normalizeWords(text);
      const reading = hints.read(words);
      return {
        context: [...reading.context].sort().map((i) => words[i]),
        entries: Object.fromEntries(reading.entries),
      };
    };
    expect(read('сижу с ребенком 3 лет какие выплаты')).toEqual({
      context: ['сижу', '3', 'лет'],
      entries: { 'ep-children-overview': 4, 'matcap-monthly-payment': 0.3 },
    });
    expect(read('ребенку 1 год какие выплаты положены').entries).toEqual({
      'childcare-under-1-5-who': 3,
      'ep-children-overview': 1.5,
    });
    expect(read('сижу с ребенком до 3 лет какие выплаты').context).toEqual([]);
    expect(read('мне 3 года назад дали инвалидность какие выплаты').context).toEqual([]);
  });
});
