/**
 * A follow-up about something the answer shown only names, which another entry of its measure is about (citizen
 * audit 7, M2): that entry, or its part asked for, instead of the line that names it.
 */
import { describe, expect, it } from 'vitest';
import { lastReply } from '../../support/engine-chat.js';

describe('a follow-up about what a line of the answer only names', () => {
  it('«а на бизнес сколько дают» after the social contract is the business contract’s amount, 350 000 ₽ (it quoted «Для своего дела или хозяйства — бизнес-план.»)', () => {
    const r = lastReply('что такое социальный контракт', 'а на бизнес сколько дают');
    expect(r.text).toMatch(/^Соцконтракт на открытие своего дела \(ИП или самозанятость\) — Сколько платят/);
    expect(r.text.replace(/\s/g, ' ')).toContain('До 350 000 ₽');
    expect(r.text).not.toContain('об этом сказано');
  });

  it('«а на учебу сколько» after the social contract is the contract for training, with its sum (it asked to press a part of the overview)', () => {
    const r = lastReply('соцконтракт', 'а на учебу сколько');
    expect(r.text).toMatch(/^Соцконтракт на поиск работы, обучение и трудную жизненную ситуацию/);
    expect(r.text.replace(/\s/g, ' ')).toContain('30 000 ₽');
  });

  it('«а сертификат что это» after how to get rehabilitation equipment is the electronic certificate’s own card (it quoted the line listing «…или оформить электронный сертификат»)', () => {
    const r = lastReply('коляска инвалидная как получить бесплатно', 'а сертификат что это');
    expect(r.text).toMatch(/^Электронный сертификат на ТСР/);
    expect(r.text).toContain('привязанная');
    expect(r.text).not.toContain('об этом сказано');
  });

  it('a line that answers for the measure shown is still quoted: «а если за первого не получали» after the maternity capital’s amounts', () => {
    const r = lastReply(
      'внучка родила второго ребенка какой материнский капитал сейчас',
      'а если за первого не получали',
    );
    expect(r.text).toContain('об этом сказано');
    expect(r.text.replace(/\s/g, ' ')).toContain('963 243,13 ₽');
  });
});
