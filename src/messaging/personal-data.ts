/**
 * Finds personal data in free text and replaces it with a tag, so that logs can carry what went wrong without
 * what a citizen told us about themselves: phone numbers, СНИЛС, passport numbers, e-mail addresses and bank card
 * numbers. Ordinary numbers (sums such as "12 000 рублей", years, law numbers such as "81-ФЗ", dates) are left.
 *
 * The patterns favour catching too much over too little: a bare 11-digit number is taken for a СНИЛС and a bare
 * 10-digit one for a passport, because nothing else a citizen writes looks like that.
 */

/**
 * No digit directly before or after a match (so "123456789012" is not read as a СНИЛС plus a digit). Letters may
 * touch: citizens write "тел89123456789" and "СНИЛС12345678901".
 */
const NOT_AFTER_DIGIT = '(?<!\\d)';
const NOT_BEFORE_DIGIT = '(?!\\d)';
/** A space, a dash or nothing between digit groups. */
const SEP = '[ \\u00a0\\-]?';

interface Rule {
  readonly kind: 'email' | 'card' | 'phone' | 'snils' | 'passport';
  readonly pattern: RegExp;
}

/** Order matters: longer and more specific shapes first (a card number contains a passport-like run). */
const RULES: readonly Rule[] = [
  { kind: 'email', pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu },
  // 16 digits, optionally in groups of four (Мир, Visa, Mastercard); 18–19 digit cards as one run.
  {
    kind: 'card',
    pattern: new RegExp(
      `${NOT_AFTER_DIGIT}(?:\\d{4}(?:${SEP}\\d{4}){3}|\\d{18,19})${NOT_BEFORE_DIGIT}`,
      'gu',
    ),
  },
  // +7 912 345-67-89, 8 (912) 345 67 89, 89123456789, +7(912)3456789, 7-912-345-67-89.
  {
    kind: 'phone',
    pattern: new RegExp(
      `(?:\\+\\s?7|${NOT_AFTER_DIGIT}[78])[ \\u00a0\\-]*\\(?\\d{3}\\)?[ \\u00a0\\-]*\\d{3}${SEP}\\d{2}${SEP}\\d{2}${NOT_BEFORE_DIGIT}`,
      'gu',
    ),
  },
  // 123-456-789 01, 123 456 789 01, 12345678901.
  {
    kind: 'snils',
    pattern: new RegExp(
      `${NOT_AFTER_DIGIT}\\d{3}${SEP}\\d{3}${SEP}\\d{3}[ \\u00a0\\-]?\\d{2}${NOT_BEFORE_DIGIT}`,
      'gu',
    ),
  },
  // Series and number: 4510 123456, 45 10 123456, 4510 № 123456, 4510123456.
  {
    kind: 'passport',
    pattern: new RegExp(`${NOT_AFTER_DIGIT}\\d{2} ?\\d{2} ?(?:№ ?)?\\d{6}${NOT_BEFORE_DIGIT}`, 'gu'),
  },
];

/** What replaces each kind of personal data. */
export const REDACTION_TAGS = {
  email: '[e-mail]',
  card: '[card]',
  phone: '[phone]',
  snils: '[snils]',
  passport: '[passport]',
} as const;

/**
 * A number an application, an appeal, a receipt or a contract is named with: «заявление № 1234567890», «заявление на
 * маткапитал номер 7788990011» (up to three words between, none of them a passport, a СНИЛС or a card).
 */
const NAMED_DOCUMENT_NUMBER =
  /(?:заявлени|обращени|квитанци|договор)\p{L}*(?:\s+(?!паспорт|снилс|карт)\p{L}+){0,3}?(?:\s+(?:номер|№))?[\s:№#]*\d[\d -]*\d/giu;

/** A cheap pre-check: every pattern needs a digit or an "@". */
const MAY_CONTAIN = /[\d@]/;

/**
 * Whether `text` has a СНИЛС, a passport or a card number: what the assistant asks people not to send (a phone
 * number or an e-mail may be given on purpose, for a consultant to call back).
 */
export function hasIdentityNumbers(text: string): boolean {
  if (!MAY_CONTAIN.test(text)) return false;
  // Through the redactor, whose order tells a phone number from a СНИЛС of the same length. An application's
  // number is named as one: «заявление номер 1234567890» was told not to send passport numbers (it is redacted
  // all the same).
  const redacted = redactPersonalData(text.replace(NAMED_DOCUMENT_NUMBER, ''));
  return [REDACTION_TAGS.snils, REDACTION_TAGS.passport, REDACTION_TAGS.card].some(
    (tag) => redacted.includes(tag) && !text.includes(tag),
  );
}

/** Replaces phone numbers, СНИЛС, passport numbers, e-mail addresses and card numbers in `text` with tags. */
export function redactPersonalData(text: string): string {
  if (!MAY_CONTAIN.test(text)) return text;
  let result = text;
  for (const rule of RULES) result = result.replace(rule.pattern, REDACTION_TAGS[rule.kind]);
  return result;
}
