/**
 * The words of a knowledge-base text: figure references, link targets and addresses removed (they are markup,
 * not words), then normalised like everything else.
 */
import { normalizeWords } from './russian-normalizer.js';

/** Figure references and link targets are markup, not words. */
export function stripMarkup(text: string): string {
  // Most texts have none of the three: checking first spares three passes over every text of the knowledge base.
  let out = text;
  if (out.includes('{{')) out = out.replace(/\{\{[^}]*\}\}/g, ' ');
  if (out.includes('](')) out = out.replace(/\]\([^)]*\)/g, ' ');
  if (out.includes('http')) out = out.replace(/https?:\/\/\S+/g, ' ');
  return out;
}

/** Normalised words of a knowledge-base text, markup removed. */
export function corpusWords(text: string): string[] {
  return normalizeWords(stripMarkup(text));
}
