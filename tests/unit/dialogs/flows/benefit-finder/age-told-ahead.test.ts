/**
 * An own age under every pension age told before the finder's pension question: kept, said so, and said again with
 * the pension question when it is reached.
 */
import { describe, expect, it } from 'vitest';
import { replyText } from '../../../../support/dialog-harness.js';
import { finderAtPregnancyQuestion } from '../../../../support/service-flows.js';

const atPregnancyQuestion = finderAtPregnancyQuestion;

/** The questions from the pregnancy's to the disability's skipped: the pension question's message. */
function onToPension(h: ReturnType<typeof atPregnancyQuestion>): string {
  for (const code of ['pr', 'ad', 'in']) h.press(`bf:s:${code}`);
  return replyText(h.press('bf:s:di'));
}

describe('an own age told before the pension question', () => {
  it('notes «мне 58 лет» at the pregnancy question and asks it again (it was «Не понял ответ»), recording no pension', () => {
    const h = atPregnancyQuestion();
    const told = replyText(h.text('мне 58 лет'));
    expect(told).toMatch(
      /^Записал: вам 58\. Получаете ли пенсию, спрошу в своём вопросе — там скажу, что значит ваш возраст\.[\s\S]*Вопрос 3 из 9[\s\S]*ждёт ребёнка/,
    );
    expect(told).not.toMatch(/Не понял/);
    expect(h.state.flow?.data).not.toMatchObject({ a: { pension: expect.anything() } });
    // At the pension question: what 58 means for each sex, above the question with its buttons.
    expect(onToPension(h)).toMatch(
      /^Вам 58: женщина в этом возрасте уже предпенсионер, мужчина — ещё нет\.[\s\S]*Вопрос 7 из 9[\s\S]*получаете пенсию/,
    );
  });

  it('says at the pension question what a younger age and a man’s pre-pension age mean', () => {
    const young = atPregnancyQuestion();
    young.text('мне 40 лет');
    expect(onToPension(young)).toMatch(
      /^Вам 40: по возрасту это ещё не предпенсионный возраст\. Если пенсию получаете по другой причине \(например, по инвалидности\) — нажмите «Получаю пенсию»\.[\s\S]*Вопрос 7 из 9/,
    );
    const older = atPregnancyQuestion();
    older.text('мне 62 года');
    expect(onToPension(older)).toMatch(/^Вам 62: мужчина в этом возрасте — предпенсионер/);
    // Without an age told, the pension question is as before.
    expect(onToPension(atPregnancyQuestion())).toMatch(/^Вопрос 7 из 9/);
  });
});

describe('an age past every pension age told with no pension', () => {
  it('takes «мне 74, пенсию не получаю» at the pregnancy question as the pension question’s «Нет» and stays in the questionnaire', () => {
    const h = atPregnancyQuestion();
    const told = replyText(h.text('мне 74, пенсию не получаю'));
    expect(told).toMatch(
      /^Записал: пенсия — нет \(вам 74, пенсию не получаете — предпенсионный возраст уже позади\)\. Об этом больше не спрошу\.[\s\S]*Вопрос 3 из 9[\s\S]*ждёт ребёнка/,
    );
    expect(told).not.toMatch(/прерван|не уверен/);
    expect(h.state.flow?.data).toMatchObject({ a: { pension: 'no' } });
    // The pension question is passed over: after the disability's, the work question.
    expect(onToPension(h)).toMatch(/Вопрос 8 из 9[\s\S]*работаете/);
  });

  it('takes it at the pension question as «Нет», not the pre-pension rule and «Не понял»', () => {
    const h = atPregnancyQuestion();
    expect(onToPension(h)).toMatch(/Вопрос 7 из 9/);
    const reply = replyText(h.text('мне 74, пенсию не получаю'));
    expect(reply).toMatch(
      /^Вам 74, пенсию не получаете — предпенсионный возраст уже позади, записал: «Нет»\. Если не так — нажмите «⬅️ Назад»\.[\s\S]*Вопрос 8 из 9/,
    );
    expect(reply).not.toMatch(/Предпенсионный возраст —|Не понял/);
    expect(h.state.flow?.data).toMatchObject({ a: { pension: 'no' } });
  });
});
