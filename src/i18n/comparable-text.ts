/**
 * Text reduced to what a reader would call the same words: lower case, ё as е, letters and digits only (emoji,
 * punctuation and extra spaces dropped). "Пособие на ребёнка?!" and "пособие на ребенка" compare equal; so do a
 * button's label "👵 Пенсии и пожилые" and the same words typed.
 */
export function comparableText(text: string): string {
  if (text === lastText) return lastComparable;
  const comparable = text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  lastText = text;
  lastComparable = comparable;
  return comparable;
}

/**
 * The last text made comparable. The dialog engine's readers each make the message comparable again (whether it
 * names a year, a loss, a menu label, a complaint...), a dozen times a message: one text remembered answers those
 * and holds nothing more than the message being read.
 */
let lastText: string | undefined;
let lastComparable = '';
