/**
 * Complaints told as a story or named as a heading (citizen audit 7, M9 and L11): the card on how to complain or
 * to appeal, with «✍️ Подать жалобу здесь» keeping the story; «жалоба на …» opens the form as «хочу пожаловаться
 * на …» does.
 */
import { describe, expect, it } from 'vitest';
import { lastReply } from '../../support/engine-chat.js';

const LOST = 'в мфц потеряли мои документы на пенсию уже месяц ничего не могу добиться безобразие';
const MISCOUNTED = 'пенсионный фонд неправильно посчитал пенсию стаж не весь учли что делать';

describe('a complaint told as a story', () => {
  it('«в мфц потеряли мои документы…безобразие» gets how to complain about an office, and its button keeps the story', () => {
    const card = lastReply(LOST);
    expect(card.text).toMatch(/^Как пожаловаться на работу соцзащиты, СФР или МФЦ/);
    expect(card.buttons).toContain('✍️ Подать жалобу здесь');
    const form = lastReply(LOST, '[✍️ Подать жалобу здесь]');
    expect(form.text).toMatch(/^Ваш рассказ я сохранил/);
    expect(form.text).toContain('На учреждение');
  });

  it('«пенсионный фонд неправильно посчитал пенсию стаж не весь учли что делать» gets how to contest the decision and the complaint button with the story kept', () => {
    const card = lastReply(MISCOUNTED);
    expect(card.text).toMatch(/^Отказали в выплате или льготе — как обжаловать/);
    expect(card.text).toContain('Досудебное обжалование');
    expect(card.buttons).toContain('✍️ Подать жалобу здесь');
    const form = lastReply(MISCOUNTED, '[✍️ Подать жалобу здесь]');
    expect(form.text).toMatch(/^Ваш рассказ я сохранил/);
    expect(form.text).toContain('На решение');
  });

  it('a lost disability certificate of one’s own is still its duplicate, not a complaint', () => {
    expect(lastReply('потеряла справку об инвалидности что делать').text).toMatch(
      /^Потеряли справку об инвалидности/,
    );
  });
});

describe('«жалоба на …» as the whole heading', () => {
  it('«жалоба на пенсионный фонд в волжском» opens the form with the Volgograd Social Fund chosen, as «хочу пожаловаться на…» does', () => {
    const reply = lastReply('жалоба на пенсионный фонд в волжском');
    expect(reply.text).toMatch(/^О чём жалоба: 🏢 На учреждение/);
    expect(reply.text).toContain('Социального фонда (СФР) по Волгоградской области');
    expect(reply.text).not.toMatch(/Уточните/);
  });

  it('«жалоба на мфц» opens the form and asks the region; «жалоба на соседей» is not one this chat takes', () => {
    const reply = lastReply('жалоба на мфц');
    expect(reply.text).toMatch(/^О чём жалоба: 🏢 На учреждение/);
    expect(reply.text).toContain('В каком регионе это было?');
    expect(lastReply('жалоба на соседей').text).not.toMatch(/О чём жалоба/);
  });
});
