/**
 * First messages that got «Я не уверен» or a card on another topic although the knowledge base has the answer
 * (citizen audit 7, M8, M11, M12), in a fresh chat each.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const reply = (text: string) => engineChat().send(text);

describe('the card the question is about', () => {
  it('«на госуслугах не могу подать заявление ошибка» is how to apply on Gosuslugi (its support line), not «Я не уверен»', () => {
    const r = reply('на госуслугах не могу подать заявление ошибка');
    expect(r.text).toMatch(/^Как подать заявление на выплату через Госуслуги/);
    expect(r.text).toContain('8-800-100-70-10');
  });

  it('«вичет за лечение сколько» (вычет as it is said) is the social deduction with its 150 000 ₽, as «вычет…» is', () => {
    for (const q of ['вичет за лечение сколько', 'вычет за лечение сколько']) {
      const r = reply(q);
      expect(r.text, q).toMatch(/^Налоговый вычет за лечение/);
      expect(r.text.replace(/\s/g, ' '), q).toContain('в пределах 150 000 ₽ в год');
    }
  });

  it('«ребенку дали инвалидность что теперь оформлять» is the disabled child’s measures, not the adults’ disability pension; the child’s pension asked stays the pension', () => {
    for (const q of [
      'ребенку дали инвалидность что теперь оформлать',
      'ребенку дали инвалидность что теперь оформлять',
    ]) {
      expect(reply(q).text, q).toMatch(/^Ребёнок-инвалид — что положено ребёнку и родителям/);
    }
    expect(reply('ребенку дали инвалидность какая пенсия').text).toMatch(/^Пенсия по инвалидности/);
  });

  it('«материальная помощь разовая как получить в перми» is the one-off material help, not the Perm subsistence minimum; the Perm card’s own example keeps it', () => {
    expect(reply('материальная помощь разовая как получить в перми').text).toMatch(
      /^Разовая материальная помощь в трудной жизненной ситуации/,
    );
    expect(reply('материальная помощь в трудной ситуации пермский край как получить').text).toMatch(
      /^Прожиточный минимум в Пермском крае/,
    );
  });
});
