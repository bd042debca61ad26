/**
 * The housing subsidy's 22% rule set beside what the citizen pays and lives on, in the ways pensioners write it
 * (verification audit 8, M3, L1, L2 and L5): «до 5000», «доходит до 5 тысяч», «15 тыщ», a winter and a summer payment,
 * a family's total income, a working grandson, a payment with no income.
 */
import { describe, expect, it } from 'vitest';
import { readShare } from '../../../src/dialogs/income-share.js';
import { lastReplyPlainSpaces as lastReply } from '../../support/engine-chat.js';

const APPLY = '➡️ Как оформить субсидию на ЖКУ — документы и куда подать';
const WHO = 'Субсидия на оплату ЖКУ — кому положена (правило 22%) — Кто может получить';

describe('readShare', () => {
  it('skips ages and counts of people, reads «тыщ», «до 5000», «доходит до 5 тысяч» and the larger of two seasons', () => {
    expect(readShare('мне 74 года, живу одна, пенсия 16500, за квартиру зимой плачу до 5000')).toEqual({
      kind: 'share',
      income: 16500,
      payment: 5000,
    });
    expect(readShare('мне 67 лет. Пенсия 16500. Квартплата зимой доходит до 5 тысяч.')).toEqual({
      kind: 'share',
      income: 16500,
      payment: 5000,
    });
    expect(readShare('я пенсеонерка 76 лет пенсия 15 тыщ за кв плачу 4 тыщи')).toEqual({
      kind: 'share',
      income: 15000,
      payment: 4000,
    });
    expect(readShare('пенсия 15 тыс квартплата 4 тыс в месяц а летом 2500')).toEqual({
      kind: 'share',
      income: 15000,
      payment: 4000,
    });
  });

  it('reads a family’s own total income, but not one person’s pension where others live with them', () => {
    expect(readShare('у нас семья 4 человека доход 40000 платим 9000')).toEqual({
      kind: 'share',
      income: 40000,
      payment: 9000,
    });
    expect(readShare('пенсия 15000 плачу 4000 и еще внук живет со мной он работает')).toEqual({
      kind: 'family',
    });
    expect(readShare('я плачу за коммуналку 7000')).toEqual({ kind: 'payment', payment: 7000 });
    // Two sums of one kind not told apart by a season are still not read.
    expect(readShare('пенсия 15000 плачу 4000 и 3000')).toBeUndefined();
  });
});

describe('the share worked out where the audit found a list or the plain card (M3)', () => {
  it('«…пенсия 16500, за квартиру зимой плачу до 5000. Положена ли мне субсидия, и куда идти оформлять?» gets about 30% and a button to how to apply (was the 22% card, nothing on where to go)', () => {
    const reply = lastReply(
      'Здравствуйте, мне 74 года, живу одна, пенсия 16500, за квартиру зимой плачу до 5000. Положена ли мне субсидия, и куда идти оформлять?',
    );
    expect(reply.text).toMatch(/^5 000 ₽ из 16 500 ₽ — это около 30% дохода, больше 22%/);
    expect(reply.text).toContain(WHO);
    expect(reply.buttons).toContain(APPLY);
  });

  it('Maria Ivanovna’s letter («доходит до 5 тысяч», «и ещё… скидка на коммуналку?») gets her 30% with buttons to how to apply and the 50% compensation (was «Отвечаю на первый» and how to apply alone)', () => {
    const reply = lastReply(
      'Я Мария Ивановна, мне 67 лет, живу в Волгограде одна. Пенсия 16500. Квартплата зимой доходит до 5 тысяч. Положена ли мне субсидия, и куда идти оформлять? И ещё у меня вторая группа инвалидности, есть ли скидка на коммуналку?',
    );
    expect(reply.text).toMatch(/^5 000 ₽ из 16 500 ₽ — это около 30% дохода, больше 22%/);
    expect(reply.text).not.toContain('Отвечаю на первый');
    expect(reply.buttons).toContain(APPLY);
    expect(reply.buttons).toContain('➡️ Компенсация 50% за ЖКУ инвалидам и семьям с детьми-инвалидами');
  });

  it('«пенсия 15 тыщ за кв плачу 4 тыщи» and «плачу 4000 за квартиру а пенсия 15000 это много?» get about 26% (were choices with a disabled child and the maternity capital)', () => {
    for (const q of [
      'здраствуйте я пенсеонерка 76 лет пенсия 15 тыщ за кв плачу 4 тыщи положена ли субсидия',
      'плачу 4000 за квартиру а пенсия 15000 это много?',
    ]) {
      const reply = lastReply(q);
      expect(reply.text, q).toMatch(/^4 000 ₽ из 15 000 ₽ — это около 26% дохода, больше 22%/);
      expect(reply.text, q).not.toMatch(/Уточните, пожалуйста/);
    }
  });

  it('after the card, a winter and a summer payment are set beside the rule by the larger (were choices with the large families)', () => {
    const reply = lastReply('субсидия на жку', 'пенсия 15 тыс квартплата 4 тыс в месяц а летом 2500');
    expect(reply.text).toMatch(/^4 000 ₽ из 15 000 ₽ — это около 26% дохода, больше 22%/);
  });

  it('a family of four with its total income gets its share to a tenth at the limit (was choices of a disabled child, the unified benefit and the family payment)', () => {
    const reply = lastReply('ЖКУ субсидия', 'а мне положено у нас семья 4 человека доход 40000 платим 9000');
    expect(reply.text).toMatch(/^9 000 ₽ из 40 000 ₽ — это около 22,5% дохода, больше 22%/);
    expect(reply.text).toContain(WHO);
  });

  it('a working grandson’s income counts: who may get it, the whole family’s income said, not choices of the survivor’s pension and the carers', () => {
    const reply = lastReply(
      'субсидия на жку',
      'пенсия 15000 плачу 4000 и еще внук живет со мной он работает',
    );
    expect(reply.text).toMatch(/^Точную долю я не посчитаю/);
    expect(reply.text).toContain('учитывают доходы всех членов семьи');
    expect(reply.text).toContain(WHO);
    expect(reply.text).not.toMatch(/Уточните, пожалуйста|Пенсия по потере кормильца/);
    expect(reply.buttons).toContain(APPLY);
  });
});

describe('a couple’s two pensions (the rule is of the family’s income, the share is not worked out)', () => {
  it('«мы с мужем пенсионеры платим 8000 а пенсии 15 и 17 тысяч» after the card gets who may get it with the family’s income rule (was choices of the survivor’s pension and the unified benefit)', () => {
    const reply = lastReply('субсидия на жку', 'мы с мужем пенсионеры платим 8000 а пенсии 15 и 17 тысяч');
    expect(reply.text).toMatch(/^Точную долю я не посчитаю/);
    expect(reply.text).toContain(WHO);
    expect(reply.text).not.toMatch(/Уточните, пожалуйста/);
  });

  it('a couple naming only what they pay («плачу 5000 мы с мужем на пенсии») is asked for the family’s income, and the total typed next gets the share (was the family rule without a question)', () => {
    const asked = lastReply('субсидия на жку', 'плачу 5000 мы с мужем на пенсии');
    expect(asked.text).toContain('напишите доход семьи в месяц');
    const share = lastReply('субсидия на жку', 'плачу 5000 мы с мужем на пенсии', 'доход 30000');
    expect(share.text).toMatch(/^5 000 ₽ из 30 000 ₽ — это около 16% дохода, меньше 22%/);
  });

  it('reads the two pensions as the family’s, not one of them as the income', () => {
    expect(readShare('живем вдвоем с мужем пенсии 20 и 18 тыс платим 7 тыс')).toEqual({ kind: 'family' });
  });
});

describe('how to apply one tap away (L1, L2)', () => {
  it('after the share, a button opens how to apply (there were only the parts of the 22% card)', () => {
    const chat = lastReply('субсидия на жку', 'пенсия 15000 плачу 4000');
    expect(chat.buttons).toContain(APPLY);
  });

  it('under «субсидия на жку» the next card is how to apply, not the renewal every 6 months', () => {
    const reply = lastReply('субсидия на жку');
    expect(reply.buttons).toContain('➡️ Ещё: Как оформить субсидию на ЖКУ — документы и куда подать');
    expect(reply.buttons.join(' ')).not.toContain('Продление');
  });
});

describe('a payment with no income (L5)', () => {
  it('«я плачу за коммуналку 7000» after the card asks once for the family’s income (was the same card again), and the income typed next gets the share', () => {
    const asked = lastReply('субсидия на жку', 'я плачу за коммуналку 7000');
    expect(asked.text).toContain('напишите доход семьи в месяц');
    expect(asked.text).not.toContain('Субсидию на оплату жилья и коммунальных услуг дают');
    const share = lastReply('субсидия на жку', 'я плачу за коммуналку 7000', 'пенсия 20000');
    expect(share.text).toMatch(/^7 000 ₽ из 20 000 ₽ — это около 35% дохода, больше 22%/);
    // Asked once: a payment alone again gets who may get it, with the family's income rule.
    const again = lastReply('субсидия на жку', 'я плачу за коммуналку 7000', 'плачу 7000 в месяц');
    expect(again.text).not.toContain('напишите доход семьи');
    expect(again.text).toContain(WHO);
  });
});
