/**
 * A pension too small to live on. «у меня пенсия 11 тысяч как жить» was the emergency help's card (violence, danger
 * to life, nowhere to live): «жить» matched its «негде жить». The supplement up to the subsistence minimum is the
 * measure for a small pension; someone with nowhere to live keeps the emergency help.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const SUPPLEMENT = 'Доплата к пенсии до прожиточного минимума';

/** The title of the card shown (after a lead on the sum told, if any), or the first choice offered. */
function firstOffered(question: string): string {
  const reply = engineChat().send(question);
  if (reply.text.startsWith('Уточните')) return reply.buttons[0] ?? '';
  const paragraphs = reply.text.split('\n\n');
  return (/^\d[^—]*₽ — /.test(paragraphs[0]!) ? paragraphs[1]! : paragraphs[0]!).split('\n')[0]!;
}

describe('a pension too small to live on', () => {
  it.each([
    'у меня пенсия 11 тысяч как жить',
    'пенсия 9 тысяч не хватает ни на что',
    'пенсия маленькая на что жить',
  ])('«%s» leads with the supplement up to the subsistence minimum', (question) => {
    expect(firstOffered(question)).toBe(SUPPLEMENT);
  });

  // «пенсия 11000 не хватает» was choices: the question without the sum («пенсия не хватает») gives choices, and any
  // answer whose question without the figure is not answered was taken to stand on the figure. Here the supplement
  // leads either way, so the sum set beside the minimum and the supplement's card are the reply.
  it('answers «пенсия 11000 не хватает» with the sum beside the minimum and the supplement, not choices', () => {
    const reply = engineChat().send('пенсия 11000 не хватает');
    expect(reply.text).toMatch(/^11\s000\s₽\s—\sменьше,\sчем\s«Прожиточный минимум для пенсионеров»/);
    expect(firstOffered('пенсия 11000 не хватает')).toBe(SUPPLEMENT);
    // A figure that alone made the answer still does not: the unified benefit's «25%» is no answer to a widow.
    expect(engineChat().send('у мужа пенсия была 25 тысяч сколько мне дадут').text).toMatch(/^Я не уверен/);
  });

  // «пенсия 12000 как прожить одинокой» was «Я не уверен»: «одинокой» weighed as what was asked, and the entries with
  // «одинокий» (the single parents', the pensioners' overview) outranked the supplement. Living alone says who asks.
  it.each([
    'пенсия 12000 как прожить одинокой',
    'живу одна пенсия 10 тысяч как прожить',
    'пенсия маленькая живу одна как жить',
    'одна живу пенсии не хватает',
    'пенсия 10 тысяч как выжить одинокому',
  ])('«%s»: living alone is who asks, the supplement is still first', (question) => {
    expect(firstOffered(question)).toBe(SUPPLEMENT);
  });

  // «пенсии не хватает на лекарства» was «Я не уверен»: the region's one-off help, whose card names lacking money for
  // medicines, and the supplement where the pension is named as too small.
  it('no money for medicines on a pension is the one-off help in a hard situation', () => {
    expect(firstOffered('пенсии не хватает на лекарства')).toBe(
      'Разовая материальная помощь в трудной жизненной ситуации',
    );
  });

  // «дорогие» beside medicines and a pension says why the money is short (a hint's context), not what is asked.
  it('a small pension and dear medicines get the supplement, with the one-off help a button away', () => {
    const reply = engineChat().send('пенсия маленькая а лекарства дорогие');
    expect(reply.text).toMatch(/^Доплата к пенсии до прожиточного минимума/);
    expect(reply.buttons).toContain('➡️ Ещё: Разовая материальная помощь в трудной жизненной ситуации');
  });

  it('nowhere to live is still the emergency help', () => {
    expect(firstOffered('пенсионерка выгнали из дома негде жить')).toMatch(/^Экстренная помощь/);
  });
});
