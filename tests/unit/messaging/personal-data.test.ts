import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, MAX_LOGGED_STRING } from '../../../src/app/logger.js';
import { hasIdentityNumbers, redactPersonalData } from '../../../src/messaging/personal-data.js';

const REDACTED: [string, string, string][] = [
  ['phone +7 with brackets', 'звоните +7 (912) 345-67-89 вечером', 'звоните [phone] вечером'],
  ['phone +7 run together', 'мой +79123456789', 'мой [phone]'],
  ['phone 8 with dashes', '8-912-345-67-89', '[phone]'],
  ['phone 8 with spaces', 'тел. 8 912 345 67 89.', 'тел. [phone].'],
  ['phone 8 with brackets, no spaces', '8(912)3456789', '[phone]'],
  ['phone 11 digits', 'номер 89123456789', 'номер [phone]'],
  ['phone 7 without plus', '7 912 345 67 89', '[phone]'],
  ['phone glued to a word', 'тел89123456789', 'тел[phone]'],
  ['СНИЛС with dashes and a space', 'СНИЛС 123-456-789 01', 'СНИЛС [snils]'],
  ['СНИЛС with spaces', 'снилс 123 456 789 01', 'снилс [snils]'],
  ['СНИЛС as one run', 'снилс 12345678901', 'снилс [snils]'],
  ['passport series and number', 'паспорт 4510 123456 выдан', 'паспорт [passport] выдан'],
  ['passport with spaces in the series', 'паспорт 45 10 123456', 'паспорт [passport]'],
  ['passport with №', 'серия 4510 № 123456', 'серия [passport]'],
  ['passport as one run', 'паспорт 4510123456', 'паспорт [passport]'],
  ['e-mail', 'пишите на ivan.petrov-1980@mail.ru, пожалуйста', 'пишите на [e-mail], пожалуйста'],
  ['e-mail with a Cyrillic domain', 'почта иван@почта.рф', 'почта [e-mail]'],
  ['card in groups', 'карта 2202 2012 3456 7890', 'карта [card]'],
  ['card with dashes', 'карта 4276-3800-1234-5678', 'карта [card]'],
  ['card as one run', 'карта 2202201234567890', 'карта [card]'],
  [
    'several in one message',
    'Я Иванова, тел 8-912-345-67-89, СНИЛС 123-456-789 01, паспорт 5705 654321, a@b.ru',
    'Я Иванова, тел [phone], СНИЛС [snils], паспорт [passport], [e-mail]',
  ],
];

const KEPT: [string, string][] = [
  ['a sum with a thin space', 'пособие 12 000 рублей'],
  ['a large sum', 'маткапитал 728 921,90 ₽, это больше 1 000 000?'],
  ['a year', 'в 2026 году'],
  ['a law number', 'по закону 81-ФЗ и 178-ФЗ'],
  ['a date', 'с 01.02.2026 по 31.12.2026'],
  ['an age and a count', 'мне 67 лет, 3 детей, доход 25000'],
  ['a time', 'приём с 9:00 до 18:00'],
  ['a percentage and a decree', 'индексация 7,6% (постановление № 1234)'],
  ['a text without digits', 'как оформить единое пособие?'],
];

describe('redactPersonalData', () => {
  it.each(REDACTED)('redacts %s', (_name, input, expected) => {
    expect(redactPersonalData(input)).toBe(expected);
  });

  it.each(KEPT)('keeps %s', (_name, input) => {
    expect(redactPersonalData(input)).toBe(input);
  });
});

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger('trace', stream), lines };
}

describe('hasIdentityNumbers', () => {
  it('finds a СНИЛС, a passport or a card number, not a phone number, an e-mail or a sum', () => {
    expect(hasIdentityNumbers('мой снилс 123-456-789 64')).toBe(true);
    expect(hasIdentityNumbers('паспорт 5712 345678')).toBe(true);
    expect(hasIdentityNumbers('карта 2200 1234 5678 9012')).toBe(true);
    expect(hasIdentityNumbers('мой телефон 89123456789, перезвоните')).toBe(false);
    expect(hasIdentityNumbers('почта ivanova@mail.ru')).toBe(false);
    expect(hasIdentityNumbers('пенсия 17 000 рублей с 2026 года')).toBe(false);
  });
});

describe('the logger', () => {
  it('redacts personal data in messages, nested fields, reasons and errors, and keeps identifiers', () => {
    const { logger, lines } = capture();
    const error = new Error('send failed for 8 912 345 67 89');
    logger
      .child({ platform: 'telegram', chatId: '89123456789' })
      .warn(
        { reason: 'bad request: ivan@mail.ru', detail: { note: ['паспорт 4510 123456'] }, err: error },
        'citizen wrote 123-456-789 01',
      );
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    for (const secret of ['912 345 67 89', 'ivan@mail.ru', '4510 123456', '123-456-789 01'])
      expect(line).not.toContain(secret);
    const parsed = JSON.parse(line) as Record<string, unknown> & { err: { message: string; stack: string } };
    expect(parsed.msg).toBe('citizen wrote [snils]');
    expect(parsed.reason).toBe('bad request: [e-mail]');
    expect(parsed.err.message).toBe('send failed for [phone]');
    expect(parsed.err.stack).toMatch(/^Error: send failed for \[phone\]\n {4}at /);
    // A chat id is how an operator finds the chat; it is a binding, not text.
    expect(parsed.chatId).toBe('89123456789');
  });

  it('drops the parameters of a failed query and cuts huge strings', () => {
    const { logger, lines } = capture();
    const failed = Object.assign(
      new Error(
        'Failed query: insert into "messages" ("text") values (?)\nparams: Моя жена Мария, адрес ул. Ленина 5',
      ),
      { params: ['Моя жена Мария, адрес ул. Ленина 5'] },
    );
    logger.error({ err: failed, type: 'x'.repeat(100_000) }, 'processing failed');
    const parsed = JSON.parse(lines[0]!) as { err: Record<string, unknown>; type: string };
    expect(lines[0]).not.toContain('Ленина');
    expect(parsed.err.message).toBe(
      'Failed query: insert into "messages" ("text") values (?)\nparams: [not logged]',
    );
    expect(parsed.err.params).toBeUndefined();
    expect(parsed.type.length).toBeLessThan(MAX_LOGGED_STRING + 50);
  });
});

describe('a number named as an application’s (citizen audit 4, H7)', () => {
  it('is no reason to ask not to send passport numbers, and is still redacted', () => {
    const text = 'заявление номер 1234567890 на единое пособие подала 10 ноября когда рассмотрят';
    expect(hasIdentityNumbers(text)).toBe(false);
    expect(hasIdentityNumbers('номер заявления: 4510123456')).toBe(false);
    expect(hasIdentityNumbers('обращение № 45 10 123456')).toBe(false);
    expect(redactPersonalData(text)).toBe(
      'заявление номер [passport] на единое пособие подала 10 ноября когда рассмотрят',
    );
  });

  it('does not hide a passport or a СНИЛС sent with the word «заявление» elsewhere in the message', () => {
    expect(hasIdentityNumbers('подала заявление, мой паспорт 4510 123456')).toBe(true);
    expect(hasIdentityNumbers('заявление на пособие, снилс 123-456-789 64')).toBe(true);
  });
});

describe('a number named as an application’s, with words between (a verification pass)', () => {
  it('«заявление на маткапитал номер 7788990011» is no passport; «заявление на пособие паспорт 4510 123456» is', () => {
    expect(hasIdentityNumbers('заявление на маткапитал номер 7788990011 когда деньги придут')).toBe(false);
    expect(hasIdentityNumbers('заявление на пособие паспорт 4510 123456')).toBe(true);
  });
});
