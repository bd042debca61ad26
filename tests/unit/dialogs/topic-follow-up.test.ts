/**
 * Follow-ups after an answer card that ask about the measure just shown (citizen audit 7: H4, H5, H8, M1, M3), with
 * the project's own search, reading of messages and flows; and new questions after a card, which keep their own
 * answers.
 */
import { describe, expect, it } from 'vitest';
import { lastReply } from '../../support/engine-chat.js';

describe('a follow-up about the measure just shown', () => {
  it("«а если муж не платит алименты» after the unified benefit gets the benefit's own entry on alimony, not «Алименты — это суд… не соцзащита» and the menu", () => {
    for (const before of [['единое пособие на детей', '[Кто может получить]'], ['единое пособие на детей']]) {
      const reply = lastReply(...before, 'а если муж не платит алименты');
      expect(reply.text).toMatch(/^Алименты и единое пособие/);
      expect(reply.text).toContain('«условную» сумму');
      expect(reply.text).not.toMatch(/не соцзащита/);
    }
  });

  it("«а если учится в колледже» after the unified benefit for a 17-year-old gets the benefit's rule on students (counted in the family up to 23; since helper O its own line, which also says the benefit stops at 17), not the maternity benefit of students", () => {
    const reply = lastReply('единое пособие на ребенка 17 лет', 'а если учится в колледже');
    expect(reply.text).toMatch(/^В ответе «Единое пособие на детей до 17 лет/);
    expect(reply.text).toContain('ребёнка до 23 лет, который учится очно');
    expect(reply.text).not.toMatch(/Декретные/);
  });

  it('«а мне положено у меня 2 детей зарплата 40 тыс» after the family payment gets who may get it, with the finder, not the childcare benefit to 1.5', () => {
    const reply = lastReply(
      'семейная выплата что это за налог 6 процентов',
      'а мне положено у меня 2 детей зарплата 40 тыс',
    );
    expect(reply.text).toMatch(/^Ежегодная семейная выплата .* — Кто может получить/);
    expect(reply.text).toContain('не выше 1,5 прожиточного минимума');
    expect(reply.buttons).toContain('🧮 Подобрать меры для моей семьи');
    expect(reply.text).not.toMatch(/по уходу за ребёнком/);
  });

  it("«сколько процентов от дохода» after how to apply for the housing subsidy gets its 22% rule, not choices of the unified benefit and the large families' 10%", () => {
    const reply = lastReply('субсидия на жку как оформить', 'сколько процентов от дохода');
    expect(reply.text).toMatch(/^Субсидия на оплату ЖКУ — кому положена/);
    expect(reply.text).toContain('больше 22% совокупного дохода');
    expect(reply.text).not.toMatch(/Уточните, пожалуйста/);
  });

  it('keeps the choices for short new questions after a card: «материнский капитал» after the unified benefit; «единое пособие» after the housing subsidy is its own answer', () => {
    // The capital's bare name is its own card since helper P (audit 8 M10), still not read as about the benefit.
    const capital = lastReply('единое пособие на детей', 'материнский капитал');
    expect(capital.text).toMatch(/^Кто имеет право на материнский капитал и как получить сертификат/);
    // The bare name is now answered with its overview (citizen audit 7, M4), still not read as about the subsidy.
    const benefit = lastReply('субсидия на жку как оформить', 'единое пособие');
    expect(benefit.text).toMatch(/^Единое пособие на детей до 17 лет/);
    expect(benefit.buttons.some((b) => b.startsWith('➡️ Ещё: Сколько платят единое пособие'))).toBe(true);
  });

  it('keeps the off-topic reply to alimony after a measure that has no entry on it', () => {
    const reply = lastReply('пенсия по потере кормильца', 'а если муж не платит алименты');
    expect(reply.text).toMatch(/^Алименты — это суд/);
  });

  it("a deadline asked after a card is its «Как подать», of the card or of its measure's entry that has it (was «Если вы об ответе…» or choices of payment dates)", () => {
    const birth = lastReply('пособие при рождении ребенка', 'а срок подачи');
    expect(birth.text).toMatch(/— Как подать/);
    expect(birth.text).toMatch(/не позднее 6 месяцев/);
    const family = lastReply('семейная выплата что это за налог 6 процентов', 'когда подавать');
    expect(family.text).toMatch(/— Как подать/);
    expect(family.text).toContain('с 1 июня по 1 октября');
    const nsu = lastReply('замена НСУ деньгами', 'до какого числа');
    expect(nsu.text).toMatch(/— Как подать/);
    expect(nsu.text).toContain('до 1 октября');
    const pregnancy = lastReply('единое пособие беременным', 'с какого срока');
    expect(pregnancy.text).toMatch(/— Кто может получить/);
    expect(pregnancy.text).toContain('после 12 недель');
  });

  it('a deadline with a subject of its own is a new question: «до какого числа приходит пенсия» after the unified benefit', () => {
    const reply = lastReply('единое пособие на детей', 'до какого числа приходит пенсия');
    expect(reply.text).not.toMatch(/— Как подать/);
  });
});
