/**
 * One's pension set beside a relative's (helper V, from helper S's «noticed»): «почему у сестры пенсия больше», «у
 * брата пенсия больше чем у меня почему» got «Я не уверен», «почему у мамы пенсия больше чем у папы» choices led by the
 * disabled child's family support, «у свекрови пенсия больше почему» choices led by the care of the over-80s, «у
 * друга пенсия выше чем у меня почему» a hand-off to how to apply for a pension, «у коллеги пенсия больше а работали
 * вместе почему» «Я не уверен» (indexation ranked first on «работали»). The relative's word weighed in the question and
 * is in no entry about how a pension is counted; it cannot be a synonym of «сосед», since it means something in the
 * survivor's pension and guardianship. Where the pension is compared, the person compared with is context now.
 */
import { describe, expect, it } from 'vitest';
import { normalizeWords } from '../../../src/search/russian-normalizer.js';
import { createTopicHints } from '../../../src/search/topic-hints.js';
import { engineChat } from '../../support/engine-chat.js';
import { fixtureKb, projectResources } from '../search/fixtures/fixture-search.js';

const HOW_COUNTED = 'Страховая пенсия по старости — условия (возраст, стаж, баллы) и как её считают';

describe('a pension compared with a relative’s', () => {
  it.each([
    'почему у сестры пенсия больше',
    'у брата пенсия больше чем у меня почему',
    'почему у мамы пенсия больше чем у папы',
    'у свекрови пенсия больше почему',
    'у друга пенсия выше чем у меня почему',
    'у коллеги пенсия больше а работали вместе почему',
    'почему у мужа пенсия больше',
    'почему у отца пенсия ниже чем у матери',
    'у тещи пенсия больше чем у тестя почему',
    'у брата пенсия больше хотя стаж одинаковый',
    'у мужа пенсия больше а у меня стаж больше почему',
  ])('«%s» gets how a pension is counted', (q) => {
    const reply = engineChat().send(q);
    expect(reply.text.startsWith(HOW_COUNTED), reply.text.slice(0, 80)).toBe(true);
  });

  it('the relative still means what it meant where no pension is compared', () => {
    const survivor = /^Пенсия по потере кормильца/;
    // The father's death is condoled first (52ce8a8).
    expect(engineChat().send('почему у мамы пенсия больше после смерти папы').text).toMatch(
      /^Примите мои соболезнования\.\s+Пенсия по потере кормильца/,
    );
    expect(engineChat().send('пенсия по потере кормильца на брата').text).toMatch(survivor);
    expect(engineChat().send('почему у сестры едв больше').text).toMatch(/^ЕДВ инвалидам/);
    expect(engineChat().send('брат опекун сестры что положено').text).not.toMatch(
      /^Страховая пенсия по старости — условия/,
    );
  });

  it('the topic hints name the person compared with as context, only where a pension is compared', () => {
    const topics = new Set(fixtureKb().taxonomy.topics.map((t) => t.slug));
    const hints = createTopicHints(projectResources().topicHints, topics);
    const context = (text: string) => [...hints.read(normalizeWords(text)).context].sort();
    expect(context('почему у мамы пенсия больше чем у папы')).toEqual([2, 7]);
    expect(context('у свекрови пенсия больше почему')).toEqual([1]);
    expect(context('сестра получает пенсию по потере кормильца')).toEqual([]);
    expect(context('у мамы пенсия меньше прожиточного минимума')).toEqual([]);
  });
});
