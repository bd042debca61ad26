/**
 * Refugees, displaced and evacuated people (citizen audit 7, H10): the knowledge base has no checked facts on
 * payments to them. They get a reply of their own saying so, the help it does have a tap away and a consultant
 * offered at once; never the off-topic refusal, never «Я не уверен», never invented payments.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../../src/knowledge/knowledge-base.js';
import { loadSearchResources } from '../../../src/search/search-data.js';
import { lastReply } from '../../support/engine-chat.js';

const DATA_DIR = fileURLToPath(new URL('../../../data', import.meta.url));

describe('refugees and displaced people', () => {
  it('«мы беженцы из курской области что положено», «мы переселенцы … нам положены выплаты?» get no-checked-facts, the emergency help and the consultant button', () => {
    for (const q of [
      'мы беженцы из курской области что положено',
      'мы переселенцы из курской области нам положены выплаты?',
      'нас эвакуировали из белгородской области какая помощь',
      'вынужденные переселенцы какие льготы',
    ]) {
      const reply = lastReply(q);
      expect(reply.text, q).toMatch(/^Проверенных сведений о выплатах беженцам/);
      expect(reply.text, q).toContain('8-800-100-00-01');
      expect(reply.text, q).not.toMatch(/не помогу|Я не уверен/);
      expect(reply.buttons, q).toEqual([
        'Разовая материальная помощь в трудной жизненной ситуации',
        'Экстренная помощь — насилие, угроза жизни, негде жить',
        '📍 Куда обратиться',
        '👤 Позвать консультанта',
        '🏠 Меню',
      ]);
    }
  });

  it('a home lost to the war, or «переселенка», without «беженцы/переселенцы» gets the displaced reply (citizen audit 8, H4)', () => {
    for (const q of [
      'дом разбомбили в белгородской области переехали к дочери в пермь какая помощь есть',
      'переселенка с 3 детьми документы все потеряли что делать',
      'наш дом разрушен после обстрела, что нам положено',
    ]) {
      const reply = lastReply(q);
      expect(reply.text, q).toMatch(/^Проверенных сведений о выплатах беженцам/);
      expect(reply.buttons, q).toContain('👤 Позвать консультанта');
    }
  });

  it('«вынужденные переселенцы … субсидия на жилье» is the displaced reply, not the ЖКУ subsidy (permanent registration); the ЖКУ subsidy named stays searched (citizen audit 8, M12)', () => {
    expect(lastReply('мы вынужденные переселенцы нам положена субсидия на жилье?').text).toMatch(
      /^Проверенных сведений о выплатах беженцам/,
    );
    expect(lastReply('мы переселенцы, положена ли субсидия на оплату жку').text).not.toMatch(
      /^Проверенных сведений/,
    );
  });

  it('«📍 Куда обратиться» under the reply opens the offices of the town named (citizen audit 8, M8)', () => {
    expect(
      lastReply(
        'мы переселенцы из белгорода живем в перми в пвр нам положены выплаты',
        '[📍 Куда обратиться]',
      ).text,
    ).toMatch(/^Пермь — адресов в справочнике/);
  });

  it('«у нас сгорел дом в деревне что делать куда идти» gets the material help after a fire, not «Напишите ваш город» (citizen audit 8, H4)', () => {
    expect(lastReply('у нас сгорел дом в деревне что делать куда идти').text).toMatch(
      /^Разовая материальная помощь в трудной жизненной ситуации/,
    );
  });

  it('a soldier wounded under shelling is not read as displaced', () => {
    expect(lastReply('муж ранен при обстреле на сво что положено').text).not.toMatch(/^Проверенных сведений/);
  });

  it('displaced people with nowhere to sleep tonight get the emergency help (a bed for the night) before the displaced reply, whatever the words', () => {
    for (const q of [
      'беженцы, ночуем на вокзале',
      'мы переселенцы, нам негде жить',
      'эвакуировали из курской, ночевать негде',
      'переселенцы живем в машине',
      'беженцы, спим на улице',
    ]) {
      const reply = lastReply(q);
      expect(reply.text, q).toMatch(/^Экстренная помощь — насилие, угроза жизни, негде жить/);
      expect(reply.text, q).toContain('ночлег');
      expect(reply.text, q).not.toMatch(/Проверенных сведений о выплатах беженцам/);
    }
  });

  it('«📍 Куда обратиться» under the reply finds the offices where they are now: the town told, else it asks where', () => {
    expect(lastReply('мы беженцы из курской области что положено', '[📍 Куда обратиться]').text).toMatch(
      /^Куда обратиться\. Напишите ваш город/,
    );
    expect(lastReply('я живу в волжском, мы беженцы что положено', '[📍 Куда обратиться]').text).toContain(
      'Центр социальной защиты населения по городу Волжскому',
    );
  });

  it('the emergency material help opens from its button, and «да» calls the consultant', () => {
    expect(
      lastReply(
        'мы беженцы из курской области что положено',
        '[Разовая материальная помощь в трудной жизненной ситуации]',
      ).text,
    ).toMatch(/^Разовая материальная помощь в трудной жизненной ситуации/);
    expect(lastReply('мы беженцы из курской области что положено', 'да').text).toMatch(/консультант/i);
  });

  it('a measure named is searched as any question: «беженцы пенсию как перевести» is how the pension comes after a move', () => {
    expect(lastReply('беженцы пенсию как перевести').text).toMatch(/^Как приходит пенсия/);
    expect(lastReply('мы переселенцы как оформить единое пособие').text).not.toMatch(/^Проверенных сведений/);
  });

  it('a compatriot resettled under the programme asking about the unified benefit still gets its entry', () => {
    expect(lastReply('я переселенец соотечественник, меня коснется правило пяти лет по еп').text).toMatch(
      /^Единое пособие и гражданство/,
    );
  });

  it('every entry the reply offers (intents.yaml, offers.displaced) is in the knowledge base', () => {
    const { kb } = loadKnowledgeBase(DATA_DIR);
    const offered = loadSearchResources(DATA_DIR).intents.offers.displaced ?? [];
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.filter((id) => kb.entry(id) === undefined)).toEqual([]);
  });
});
