/**
 * Answers to later questions told at an earlier one of the benefit finder: noted, said so, and passed over when their
 * question is reached.
 */
import { describe, expect, it } from 'vitest';
import { replyText } from '../../../../support/dialog-harness.js';
import { startedServices } from '../../../../support/service-flows.js';

/** The finder opened, Perm chosen and the children skipped: the pregnancy question (3 of 9) is open. */
function atPregnancyQuestion() {
  const h = startedServices();
  h.press('bf:go');
  h.press('bf:rg:perm');
  h.press('bf:s:ch');
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
    // An age the sex decides, or one said with «пенсию не получаю», answers nothing ahead.
    for (const said of ['мне 58 лет', 'мне 74, пенсию не получаю']) {
      const k = atPregnancyQuestion();
      expect(replyText(k.text(said)), said).not.toMatch(/^Записал/);
      expect(k.state.flow?.data, said).not.toMatchObject({ a: { pension: expect.anything() } });
    }
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
});
