/**
 * The message that tells a citizen about a status change of their complaint: in their own language, with the ticket
 * number, the new status and the supervisor's answer as plain text (never parsed as markup), to their own chat.
 */
import { describe, expect, it } from 'vitest';
import { toPlainText } from '../../../../src/messaging/rich-text.js';
import { createComplaintService } from '../../../../src/services/complaints/complaint-service.js';
import { ticketNumber } from '../../../../src/services/complaints/ticket.js';
import { createMemoryStore } from '../../../../src/storage/memory-store.js';
import { translator } from '../../../support/dialog-harness.js';

function setUp(locale: 'ru' | 'en') {
  const store = createMemoryStore();
  const now = Date.UTC(2026, 2, 12, 9);
  const citizen = store.citizens.findOrCreate('vk', '7001', '7001', { locale, now });
  const other = store.citizens.findOrCreate('telegram', '42', '42', { locale: 'ru', now });
  const complaint = store.complaints.create({
    citizenId: citizen.id,
    about: 'employee',
    agencyId: null,
    agencyName: 'МФЦ Волжского',
    region: 'volgograd',
    description: 'Нагрубили в окне приёма',
    wish: 'Разобраться и ответить мне',
    contactConsent: true,
    now,
  });
  const service = createComplaintService({ store, translator, clock: () => now + 60_000 });
  return { store, citizen, other, complaint, service };
}

describe('the status change notification', () => {
  it('speaks Russian with the ticket, the status and the answer as it was typed', () => {
    const { store, complaint, service } = setUp('ru');
    const result = service.setComplaintStatus(complaint.id, 'answered', 'anna', {
      note: '  **Не жирный** <b>текст</b> и _не курсив_  ',
    });
    expect(result).toMatchObject({ ok: true, notified: true });
    const [message] = store.outbox.listForChat('vk', '7001', 0, 10);
    expect(message?.id).toBe(result.ok ? result.outboxId : -1);
    const ticket = ticketNumber(complaint.id);
    expect(toPlainText(message!.message.text)).toBe(
      `По вашей жалобе ${ticket} новый статус: есть ответ.\n\nОтвет:\n\n**Не жирный** <b>текст</b> и _не курсив_`,
    );
    // The answer is one plain span: no bold or italics made from the supervisor's asterisks.
    const last = message!.message.text.at(-1)!;
    expect(last).toEqual({
      type: 'paragraph',
      spans: [{ text: '**Не жирный** <b>текст</b> и _не курсив_' }],
    });
    expect(message!.message.buttons?.flat().map((b) => b.kind === 'action' && b.payload)).toEqual([
      'cp:st',
      expect.any(String),
    ]);
  });

  it("speaks English to a citizen who chose English, and writes to nobody else's chat", () => {
    const { store, complaint, service } = setUp('en');
    service.setComplaintStatus(complaint.id, 'in_progress', 'anna');
    const [message] = store.outbox.listForChat('vk', '7001', 0, 10);
    expect(toPlainText(message!.message.text)).toBe(
      `Your complaint ${ticketNumber(complaint.id)} has a new status: in progress.`,
    );
    expect(message!.message.buttons?.flat().map((b) => b.label)).toContain('📋 My complaints');
    expect(store.outbox.listForChat('telegram', '42', 0, 10)).toEqual([]);
  });
});
