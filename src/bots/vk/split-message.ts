/**
 * Splits text longer than VK's 4,096-character message limit: at paragraph breaks first, then line breaks,
 * then spaces, and only as a last resort inside a word (never inside a surrogate pair).
 */

export const VK_MAX_MESSAGE_LENGTH = 4096;

const SEPARATORS = ['\n\n', '\n', ' '] as const;

export function splitMessage(text: string, maxLength: number = VK_MAX_MESSAGE_LENGTH): string[] {
  const trimmed = text.trim();
  if (trimmed.length <= maxLength) return trimmed.length > 0 ? [trimmed] : [];
  return splitBy(trimmed, maxLength, 0).filter((part) => part.length > 0);
}

function splitBy(text: string, maxLength: number, level: number): string[] {
  if (text.length <= maxLength) return [text];
  const separator = SEPARATORS[level];
  if (separator === undefined) return hardSplit(text, maxLength);
  const pieces = text.split(separator);
  const parts: string[] = [];
  let current = '';
  for (const piece of pieces) {
    const candidate = current === '' ? piece : `${current}${separator}${piece}`;
    if (candidate.length <= maxLength) {
      current = candidate;
      continue;
    }
    if (current !== '') parts.push(current.trim());
    if (piece.length > maxLength) {
      const finer = splitBy(piece, maxLength, level + 1);
      current = finer.pop() ?? '';
      parts.push(...finer.map((p) => p.trim()));
    } else {
      current = piece;
    }
  }
  if (current.trim() !== '') parts.push(current.trim());
  return parts;
}

function hardSplit(text: string, maxLength: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > maxLength) {
    let cut = maxLength;
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1; // keep a surrogate pair together
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
}
