/**
 * A message that tells of a death in the family is answered with condolences first: «моя мать умерла вчера помогите»
 * began «Уточните, пожалуйста, о чём вы спрашиваете:» (a held-out question).
 */
import { describe, expect, it } from 'vitest';
import { tellsOfBereavement } from '../../../src/dialogs/bereavement.js';
import type { SearchOutcome } from '../../../src/search/search-types.js';
import { DialogHarness, replyText } from '../../support/dialog-harness.js';

const CHOICES: SearchOutcome = {
  band: 'clarify',
  hits: [
    { entryId: 'funeral-benefit', topic: 'funeral-benefit', score: 20 },
    { entryId: 'survivor-pension', topic: 'survivor-pension', score: 18 },
  ],
  confidence: 0.4,
};

describe('condolences', () => {
  it.each([
    'моя мать умерла вчера помогите',
    'муж умер, положена ли мне его пенсия',
    'сын погиб на сво, какие выплаты семье и куда идти',
    'не стало мамы, что делать с ее пенсией',
    'пенсия пришла на карту после смерти папы',
    'в связи со смертью моего мужа какие выплаты',
    'из-за гибели сына положена ли мне пенсия',
  ])('are said for «%s»', (text) => {
    expect(tellsOfBereavement(text)).toBe(true);
  });

  it.each([
    'если муж умрет какая пенсия',
    'кто получит пенсию если родители умерли',
    'пособие на погребение сколько',
    'умерла стиральная машина, положена ли компенсация',
    'что будет с пенсией после смерти мужа',
    'после смерти пенсионера кто получает его пенсию',
  ])('are not said for «%s» (a plan, a general question, no one close)', (text) => {
    expect(tellsOfBereavement(text)).toBe(false);
  });

  it('come before the reply, whatever it is', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    h.search.next = CHOICES;
    expect(replyText(h.text('моя мать умерла вчера помогите'))).toMatch(
      /^Примите мои соболезнования\.\s+Уточните, пожалуйста/,
    );
    h.search.next = CHOICES;
    expect(replyText(h.text('пособие на погребение сколько платят'))).not.toMatch(/соболезнования/);
  });

  it('are said once a day, not again in each follow-up that names the loss', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    h.search.next = CHOICES;
    expect(replyText(h.text('сын погиб на сво, какие выплаты семье'))).toMatch(/^Примите мои соболезнования/);
    h.now += 60_000;
    h.search.next = CHOICES;
    expect(replyText(h.text('а сколько платят матери погибшего'))).not.toMatch(/соболезнования/);
    h.now += 25 * 60 * 60 * 1000;
    h.search.next = CHOICES;
    expect(replyText(h.text('муж умер, положена ли мне его пенсия'))).toMatch(/^Примите мои соболезнования/);
  });
});
