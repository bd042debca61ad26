/** A phone field as text with its numbers tappable. */
import type { Span } from '../../../messaging/rich-text.js';
import { phoneNumbers } from '../../../services/agencies/agency-directory.js';

/**
 * A phone field with its whole numbers tappable ("приёмная: " stays text); a local number without its area code stays
 * text (no guessing the code: the data gives it where it is certain). Several numbers are separated by ";".
 */
export function phoneSpans(phone: string): Span[] {
  const spans: Span[] = [];
  const text = (s: string) => {
    const plain = s.replace(/\s*;\s*/g, ', ');
    if (plain) spans.push({ text: plain });
  };
  let last = 0;
  for (const n of phoneNumbers(phone)) {
    if (!n.dial) continue;
    text(phone.slice(last, n.index));
    spans.push({ text: n.text, href: `tel:${n.dial}` });
    last = n.index + n.text.length;
  }
  text(phone.slice(last));
  return spans;
}
