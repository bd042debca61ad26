/**
 * Menu buttons typed as words do what pressing them does: older people type what they see on a button, and searched
 * as a question a label found whatever entry shared its words ("Пенсии и пожилые" answered with the care compensation,
 * "меню" was refused as off-topic).
 */
import { describe, expect, it } from 'vitest';
import { comparableText } from '../../../src/i18n/comparable-text.js';
import { answerFor, buttonLabels, outcomeOf, replies, replyText } from '../../support/dialog-harness.js';
import { startedServices } from '../../support/service-flows.js';

describe('typed menu buttons', () => {
  it('a category label opens its topics, "меню" the main menu, a service label starts the service', () => {
    const h = startedServices();
    const category = h.text('пенсии и пожилые');
    expect(replyText(category)).toMatch(/Пенсии и пожилые\. Выберите тему/);
    expect(outcomeOf(category)?.outcome).not.toBe('answer');

    const menu = h.text('Меню');
    expect(buttonLabels(replies(menu)[0])).toContain('🧮 Подобрать меры поддержки');

    expect(replyText(h.text('Подобрать меры поддержки!'))).toMatch(/Вопрос 1 из 9/);
  });

  it('a menu label typed in the middle of a service leaves it for the one named (not read as a place)', () => {
    const h = startedServices();
    h.press('ag:go');
    const complaint = h.text('подать жалобу');
    expect(replyText(complaint)).toMatch(/На что вы хотите пожаловаться/);
    expect(replyText(complaint)).not.toMatch(/в справочнике/);
  });

  it('"куда обратиться" after an answer asks where to apply for it, not for the agency finder', () => {
    const h = startedServices();
    answerFor(h, 'pension-how-to-apply');
    h.text('как оформить пенсию по старости');
    const part = h.text('куда обратиться');
    expect(outcomeOf(part)).toMatchObject({ detail: 'follow-up:apply' });

    const fresh = startedServices();
    expect(replyText(fresh.text('куда обратиться'))).toMatch(/Напишите ваш город, посёлок или район/);
  });

  it('«куда обращаться», «куда идти» with nothing before them open the agency finder too (they asked «О какой выплате…?»)', () => {
    for (const typed of ['Куда обращаться?', 'куда идти', 'куда мне обратиться']) {
      expect(replyText(startedServices().text(typed)), typed).toMatch(
        /Напишите ваш город, посёлок или район/,
      );
    }
    const h = startedServices();
    answerFor(h, 'pension-how-to-apply');
    h.text('как оформить пенсию по старости');
    expect(outcomeOf(h.text('куда обращаться'))).toMatchObject({ detail: 'follow-up:apply' });
  });

  it('«хочу пожаловаться», «жалоба», «а куда жаловаться» start the complaint as «Подать жалобу» does (asked «О какой выплате…?» or refused as off-topic)', () => {
    for (const typed of ['хочу пожаловаться', 'Жалоба', 'а куда жаловаться?', 'как подать жалобу']) {
      expect(replyText(startedServices().text(typed)), typed).toMatch(/На что вы хотите пожаловаться/);
    }
    // Said verb first, as aloud: «пожаловаться хочу» asked «О какой выплате…?», «жалобу хочу подать» gave how to
    // complain elsewhere.
    for (const typed of ['пожаловаться хочу', 'Жалобу хочу подать.', 'хотела бы пожаловаться']) {
      expect(replyText(startedServices().text(typed)), typed).toMatch(/На что вы хотите пожаловаться/);
    }
    // With its subject it is a question: where to complain about the neighbours is not our complaint.
    expect(replyText(startedServices().text('куда жаловаться на соседей'))).not.toMatch(/На что вы хотите/);
  });

  it('«куда звонить», «а какой телефон» alone are the hotlines (were the emergency help)', () => {
    for (const typed of ['куда звонить', 'а какой телефон?']) {
      expect(replyText(startedServices().text(typed)), typed).toMatch(/^Телефоны горячих линий/);
    }
  });

  it('«8 800», «8-800», «8800» alone are the hotlines (were refused as «не помогу»; citizen audit 6)', () => {
    for (const typed of ['8 800', '8-800', '8800', 'номер 8-800?']) {
      expect(replyText(startedServices().text(typed)), typed).toMatch(/^Телефоны горячих линий/);
    }
  });

  it('«удалите мои данные», «забудьте меня» ask to confirm the deletion as /forget does (got the article naming /forget)', () => {
    for (const typed of [
      'Удалите мои данные',
      'прошу удалить мою переписку',
      'забудьте меня пожалуйста',
      'удалить переписку',
      'удалите сообщение, там паспорт',
    ]) {
      const h = startedServices();
      expect(replyText(h.text(typed)), typed).toMatch(
        /^Удалить всю нашу переписку и всё, что мы о вас храним/,
      );
      expect(h.state.pending, typed).toBe('forget-confirm');
    }
    // A question about deleting something else is a question.
    expect(replyText(startedServices().text('как удалить данные с госуслуг'))).not.toMatch(
      /^Удалить всю нашу/,
    );
  });

  it('«да» typed to the deletion question deletes, as «Да, удалить» does; «не надо» keeps; a question is a question (got «Хорошо. Напишите вопрос…» and nothing was deleted)', () => {
    for (const [typed, deleted] of [
      ['да', true],
      ['Да, удалите', true],
      ['нет', false],
      ['не надо', false],
    ] as const) {
      const h = startedServices();
      h.text('удалите мои данные');
      const answer = h.text(typed);
      expect(
        answer.some((e) => e.type === 'forget'),
        typed,
      ).toBe(deleted);
      expect(replyText(answer), typed).toMatch(deleted ? /ваши данные удалены/ : /ничего не удаляю/);
    }
    const h = startedServices();
    h.text('удалите мои данные');
    expect(h.text('а сколько платят пенсию').some((e) => e.type === 'forget')).toBe(false);
  });

  it("only whole labels count: a question that shares a label's words is still a question", () => {
    expect(comparableText('👵 Пенсии и пожилые')).toBe('пенсии и пожилые');
    const h = startedServices();
    const question = h.text('пенсии и пожилые люди льготы');
    expect(replyText(question)).not.toMatch(/Выберите тему/);
  });
});
