/**
 * A benefit set beside someone else's (helper Z's finding 5): «почему у знакомой пособие на ребенка больше» got choices
 * led by the unified benefit's overview, «у подруги пособие по безработице больше» choices of the unemployment
 * benefit's amount, pre-pensioners and the maternity benefit of the unemployed. The amount cards say what the sum
 * depends on (50, 75 or 100% by income; 75% and then 60% of the earnings): they answer.
 */
import { describe, expect, it } from 'vitest';
import { normalizeWords } from '../../../src/search/russian-normalizer.js';
import { createTopicHints } from '../../../src/search/topic-hints.js';
import { engineChat } from '../../support/engine-chat.js';
import { fixtureKb, projectResources } from '../search/fixtures/fixture-search.js';

const UNIFIED_AMOUNT = 'Сколько платят единое пособие на ребёнка — 50, 75 или 100%';
const UNEMPLOYMENT_AMOUNT = 'Сколько платят пособие по безработице в 2026 году';

describe('a benefit compared with someone else’s', () => {
  it.each([
    'почему у знакомой пособие на ребенка больше',
    'у сестры пособие на детей меньше хотя доход одинаковый',
    'почему у брата детские больше',
  ])('«%s» gets the unified benefit’s amount card', (q) => {
    const text = engineChat().send(q).text;
    expect(text.startsWith(UNIFIED_AMOUNT), text.slice(0, 80)).toBe(true);
  });

  it.each([
    'у подруги пособие по безработице больше',
    'почему у соседа пособие по безработице больше чем у меня',
    'у коллеги по безработице платят больше почему',
  ])('«%s» gets the unemployment benefit’s amount, which depends on the earnings', (q) => {
    const text = engineChat().send(q).text;
    expect(text.startsWith(UNEMPLOYMENT_AMOUNT), text.slice(0, 80)).toBe(true);
    expect(text).toContain('среднего заработка');
  });

  it('a benefit no longer paid or refused raises no amount card', () => {
    const topics = new Set(fixtureKb().taxonomy.topics.map((t) => t.slug));
    const hints = createTopicHints(projectResources().topicHints, topics);
    const raised = (text: string) => [...hints.read(normalizeWords(text)).entries.keys()];
    expect(raised('у подруги пособие по безработице больше')).toEqual(['unemployment-benefit-amount']);
    expect(raised('у подруги пособие по безработице больше не платят')).toEqual([]);
    expect(raised('почему у соседки отказали в пособии по безработице а у меня больше')).toEqual([]);
  });
});
