/**
 * Text reduced to what a reader would call the same words: lower case, ё as е, letters and digits only (emoji,
 * punctuation and extra spaces dropped). "Пособие на ребёнка?!" and "пособие на ребенка" compare equal; so do a
 * button's label "👵 Пенсии и пожилые" and the same words typed.
 */
export function comparableText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
