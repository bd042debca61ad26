/**
 * Answers to later questions told at an earlier one of the benefit finder: noted, said so, and passed over when their
 * question is reached.
 */
import { describe, expect, it } from 'vitest';
import { findPayload, replyText } from '../../../../support/dialog-harness.js';
import { finderAtPregnancyQuestion, startedServices } from '../../../../support/service-flows.js';

const atPregnancyQuestion = finderAtPregnancyQuestion;

/** Every question before the work question (8 of 9) skipped. */
function atWorkQuestion() {
  const h = startedServices();
  h.press('bf:go');
  for (const code of ['rg', 'ch', 'pr', 'ad', 'in', 'di', 'pe']) h.press(`bf:s:${code}`);
  return h;
}

describe('told ahead in the benefit finder', () => {
  it('takes «мне 74 года» at the pregnancy question as the pension question’s «Получаю пенсию», saying why, and does not ask it (it was «Не понял ответ»)', () => {
    const h = atPregnancyQuestion();
    const told = replyText(h.text('мне 74 года'));
    expect(told).toMatch(
      /^Записал: пенсия — получаю пенсию \(вам 74 — это пенсионный возраст\)\. Об этом больше не спрошу\.[\s\S]*Вопрос 3 из 9[\s\S]*ждёт ребёнка/,
    );
    expect(told).not.toMatch(/Не понял ответ/);
    h.press('bf:pr:0');
    h.press('bf:ad:1');
    h.text('15000');
    expect(replyText(h.press('bf:di:none'))).toMatch(/Вопрос 8 из 9[\s\S]*Вы сейчас работаете/);
    // An age the sex decides answers nothing ahead («мне 74, пенсию не получаю» is «Нет»: age-told-ahead.test.ts).
    const k = atPregnancyQuestion();
    expect(replyText(k.text('мне 58 лет'))).not.toMatch(/^Записал: пенсия/);
    expect(k.state.flow?.data).not.toMatchObject({ a: { pension: expect.anything() } });
  });

  it('takes «мне 74 года» at the pension question itself as «Получаю пенсию», saying why, with «Назад» to change it', () => {
    const h = startedServices();
    h.press('bf:go');
    for (const code of ['rg', 'ch', 'pr', 'ad', 'in']) h.press(`bf:s:${code}`);
    h.press('bf:di:none');
    const next = replyText(h.text('мне 74 года'));
    expect(next).toMatch(
      /^Вам 74 — это пенсионный возраст, записал: пенсию получаете\. Если не так — нажмите «⬅️ Назад»\.[\s\S]*Вопрос 8 из 9/,
    );
    expect(h.state.flow?.data).toMatchObject({ a: { pension: 'pensioner' } });
  });

  it('takes both parts of «нет, я инвалид 2 группы» at the pregnancy question: no pregnancy, and the disability told ahead, said so (the disability was dropped without a word)', () => {
    const h = atPregnancyQuestion();
    const next = replyText(h.text('нет, я инвалид 2 группы'));
    expect(next).toMatch(
      /^Записал и это: инвалидность — да, у меня, II группа\. Об этом больше не спрошу\.[\s\S]*Вопрос 4 из 9[\s\S]*Сколько взрослых/,
    );
    expect(h.state.flow?.data).toMatchObject({
      a: { pregnant: false, disability: 'self', disabilityGroup: '2' },
    });
    h.press('bf:ad:1');
    // The disability and its group are passed over: the pension question follows the income.
    expect(replyText(h.text('15000'))).toMatch(/Вопрос 7 из 9[\s\S]*получаете пенсию/);
    // Without a comma, and at the last question, where the result follows.
    const bare = atPregnancyQuestion();
    expect(replyText(bare.text('нет я пенсионерка'))).toMatch(/^Записал и это: пенсия — получаю пенсию\./);
    const last = startedServices();
    last.press('bf:go');
    for (const code of ['rg', 'ch', 'pr', 'ad', 'in', 'di', 'pe']) last.press(`bf:s:${code}`);
    const result = replyText(last.text('нет, муж на сво'));
    expect(result).toMatch(
      /^Записал и это: ветеран или СВО — член семьи участника СВО\.[\s\S]*Что вам, вероятно, положено/,
    );
  });
  it('takes «не работаю, муж на сво» at the work question as «нет, муж на сво» is: not working, and the SVO family noted (it left the questionnaire for the SVO card)', () => {
    for (const said of ['не работаю, муж на сво', 'не работаю. сын воюет на сво']) {
      const h = atWorkQuestion();
      const result = replyText(h.text(said));
      expect(result, said).toMatch(
        /^Записал и это: ветеран или СВО — член семьи участника СВО\.[\s\S]*Что вам, вероятно, положено/,
      );
      expect(result, said).not.toMatch(/Подбор мер прерван/);
    }
  });

  it('answers «не работаю, муж погиб на сво» at the work question with condolences, and goes on with the questionnaire counting what was told (it was condolences, then the questionnaire left for choices)', () => {
    for (const said of ['не работаю, муж погиб на сво', 'нет, муж погиб на сво']) {
      const h = atWorkQuestion();
      const result = replyText(h.text(said));
      expect(result, said).toMatch(
        /^Примите мои соболезнования\.[\s\S]*Записал и это: ветеран или СВО — член семьи участника СВО\.[\s\S]*Что вам, вероятно, положено/,
      );
      expect(result, said).not.toMatch(/Подбор мер прерван/);
    }
    // At a question before the last: the open one answered, the next one asked.
    const h = atPregnancyQuestion();
    expect(replyText(h.text('нет, муж погиб на сво'))).toMatch(
      /^Примите мои соболезнования\.[\s\S]*Записал и это: ветеран или СВО[\s\S]*Вопрос 4 из 9/,
    );
    expect(h.state.flow?.data).toMatchObject({ a: { pregnant: false, veteran: 'svo-family' } });
  });

  it('keeps the answers told ahead on «↩️ Продолжить подбор»: the disability told at the pregnancy question is not asked again after the questionnaire was left for a question (it was asked again)', () => {
    const h = atPregnancyQuestion();
    h.text('инвалид 2 группы');
    h.search.next = { band: 'out_of_scope', hits: [], confidence: 0 };
    const answer = h.text('как оформить субсидию на жкх?');
    expect(h.state.flow).toBeUndefined();
    const payload = findPayload(answer, '↩️ Продолжить подбор');
    expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(64);
    expect(replyText(h.press(payload))).toMatch(/Вопрос 3 из 9[\s\S]*ждёт ребёнка/);
    h.press('bf:pr:0');
    h.press('bf:ad:1');
    expect(replyText(h.text('15000'))).toMatch(/Вопрос 7 из 9[\s\S]*получаете пенсию/);
    // «Назад» still reaches the disability's group, to change it.
    expect(replyText(h.press('bf:b:pe'))).toMatch(/Вопрос 6 из 9/);
    expect(h.state.flow?.data).toMatchObject({ a: { disability: 'self', disabilityGroup: '2' } });
    // A button that carries no questions taken (made before they were carried) still resumes.
    const old = startedServices();
    expect(replyText(old.press('bf:c:pr:0.-._._._._._._._._'))).toMatch(/Вопрос 3 из 9/);
    expect(replyText(old.press('bf:c:pr:0.-._._._._._._._._:x'))).not.toMatch(/Вопрос 3 из 9/);
  });
});
