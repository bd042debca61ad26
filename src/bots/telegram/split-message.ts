/**
 * Splits rich text into parts that each fit one Telegram message (4,096 characters after markup is parsed).
 *
 * Splitting happens on the neutral blocks, before rendering, so every part is well-formed HTML on its own (a cut
 * through rendered HTML could leave a `<b>` open). Parts break between paragraphs first, then between lines or
 * list items, and only as a last resort inside a line (at a space when there is one nearby).
 *
 * Lengths are measured on the plain-text rendering, which is never shorter than what Telegram counts for the HTML
 * (a link's address is shown in plain text), so a part also fits when it has to be re-sent without markup.
 */
import type { Block, RichText, Span } from '../../messaging/rich-text.js';
import { LIST_BULLET, toPlainText } from '../../messaging/rich-text.js';

export const TELEGRAM_MAX_TEXT_LENGTH = 4096;

const PARAGRAPH_SEPARATOR = 2; // "\n\n" between blocks
const LINE_SEPARATOR = 1; // "\n" between lines or list items
const LIST_PREFIX = LIST_BULLET.length;

function blockLength(block: Block): number {
  return toPlainText([block]).length;
}

function lineLength(spans: Span[]): number {
  return toPlainText([{ type: 'paragraph', spans }]).length;
}

/** Splits a paragraph's spans at its line breaks, keeping each piece's formatting. */
function paragraphLines(spans: Span[]): Span[][] {
  const lines: Span[][] = [[]];
  for (const span of spans) {
    const pieces = span.text.split('\n');
    for (let i = 0; i < pieces.length; i++) {
      if (i > 0) lines.push([]);
      if (pieces[i]!.length > 0) lines[lines.length - 1]!.push({ ...span, text: pieces[i]! });
    }
  }
  return lines;
}

function joinLines(lines: Span[][]): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) spans.push({ text: '\n' });
    spans.push(...lines[i]!);
  }
  return spans;
}

/** Where to cut `text` so that at most `max` characters stay before the cut: at a space if one is near. */
function cutPosition(text: string, max: number): number {
  let cut = max;
  const space = text.lastIndexOf(' ', max - 1);
  if (space >= max / 2) cut = space + 1;
  // Never cut a surrogate pair (an emoji) in two.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return Math.max(1, cut);
}

/** Hard-splits one line (a list of spans) into pieces of at most `max` plain characters. */
function splitLine(spans: Span[], max: number): Span[][] {
  const pieces: Span[][] = [];
  let current: Span[] = [];
  let length = 0;
  const flush = () => {
    if (current.length > 0) pieces.push(current);
    current = [];
    length = 0;
  };
  const queue = [...spans];
  while (queue.length > 0) {
    let span = queue.shift()!;
    let spanLength = lineLength([span]);
    if (span.href && spanLength > max) {
      // A link longer than a whole message cannot stay a link: show it as text.
      span = { text: toPlainText([{ type: 'paragraph', spans: [span] }]), bold: span.bold };
      spanLength = span.text.length;
    }
    if (length + spanLength <= max) {
      current.push(span);
      length += spanLength;
      continue;
    }
    if (span.href) {
      // Links stay whole: move to the next piece.
      flush();
      queue.unshift(span);
      continue;
    }
    const room = max - length;
    if (room < Math.min(max, 16) && current.length > 0) {
      flush();
      queue.unshift(span);
      continue;
    }
    const cut = cutPosition(span.text, room);
    current.push({ ...span, text: span.text.slice(0, cut) });
    flush();
    queue.unshift({ ...span, text: span.text.slice(cut) });
  }
  flush();
  return pieces;
}

/** Packs items greedily into groups whose joined length stays within `max`. */
function pack<T>(items: T[], measure: (item: T) => number, separator: number, max: number): T[][] {
  const groups: T[][] = [];
  let group: T[] = [];
  let length = 0;
  for (const item of items) {
    const itemLength = measure(item);
    const added = group.length === 0 ? itemLength : length + separator + itemLength;
    if (group.length > 0 && added > max) {
      groups.push(group);
      group = [item];
      length = itemLength;
    } else {
      group.push(item);
      length = added;
    }
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/** Breaks one block that is too long into blocks that each fit. */
function splitBlock(block: Block, max: number): Block[] {
  const split: Block[] = [];
  if (block.type === 'list') {
    const items: Span[][] = [];
    for (const item of block.items) {
      if (listItemLength(item) <= max) items.push(item);
      else items.push(...splitLine(item, max - LIST_PREFIX));
    }
    for (const group of pack(items, listItemLength, LINE_SEPARATOR, max))
      split.push({ type: 'list', items: group });
    return split;
  }
  const lines: Span[][] = [];
  for (const line of paragraphLines(block.spans)) {
    if (lineLength(line) <= max) lines.push(line);
    else lines.push(...splitLine(line, max));
  }
  for (const group of pack(lines, lineLength, LINE_SEPARATOR, max))
    split.push({ type: 'paragraph', spans: joinLines(group) });
  return split;
}

/** A list item's length with its "• ". */
function listItemLength(item: Span[]): number {
  return lineLength(item) + LIST_PREFIX;
}

/**
 * Splits rich text into message-sized parts. Always returns at least one part. (Loops, not closures made per
 * call: see parseRichText in rich-text.ts.)
 */
export function splitRichText(text: RichText, max: number = TELEGRAM_MAX_TEXT_LENGTH): RichText[] {
  const blocks: Block[] = [];
  for (const block of text) {
    if (blockLength(block) <= max) blocks.push(block);
    else blocks.push(...splitBlock(block, max));
  }
  const parts = pack(blocks, blockLength, PARAGRAPH_SEPARATOR, max);
  return parts.length > 0 ? parts : [[]];
}
