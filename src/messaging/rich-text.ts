/**
 * Light formatting shared by every channel: paragraphs, bullet lists, bold and links.
 *
 * Texts from locale files and knowledge entries are written in a tiny Markdown subset
 * (`**bold**`, `[label](https://...)`, lines starting with `- ` or `• `, blank lines between paragraphs)
 * and parsed into blocks here. Each renderer (Telegram HTML, VK plain text, web HTML, terminal) renders the
 * blocks and escapes the text itself, so no channel ever sees another channel's markup.
 */

export interface Span {
  text: string;
  bold?: boolean;
  /** Only http(s) and tel: links survive parsing. */
  href?: string;
}

export type Block = { type: 'paragraph'; spans: Span[] } | { type: 'list'; items: Span[][] };

export type RichText = Block[];

const INLINE = /\*\*([^*]+)\*\*|\[([^\]]+)\]\(((?:https?:\/\/|tel:)[^)\s]+)\)/g;

/** Parses the inline part of one line. */
export function parseInline(line: string): Span[] {
  const spans: Span[] = [];
  let last = 0;
  for (const m of line.matchAll(INLINE)) {
    const index = m.index ?? 0;
    if (index > last) spans.push({ text: line.slice(last, index) });
    if (m[1] !== undefined) spans.push({ text: m[1], bold: true });
    else spans.push({ text: m[2]!, href: m[3]! });
    last = index + m[0].length;
  }
  if (last < line.length) spans.push({ text: line.slice(last) });
  return spans;
}

const LIST_ITEM = /^\s*(?:[-•*]|\d{1,2}[.)])\s+/;

/**
 * Parses light Markdown into blocks. Lines inside one paragraph keep their line breaks.
 *
 * Hot code (every reply, in both threads) is written without closures made per call, here and in the renderers:
 * V8 keeps a closure's optimised code only while some instance of it lives, so a closure made per call was compiled
 * again after nearly every full garbage collection (hundreds of times a minute under load, see scripts/bench).
 */
export function parseRichText(source: string): RichText {
  const blocks: RichText = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  let list: Span[][] = [];
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      paragraph = flushParagraph(blocks, paragraph);
      list = flushList(blocks, list);
    } else if (LIST_ITEM.test(line)) {
      paragraph = flushParagraph(blocks, paragraph);
      list.push(parseInline(line.replace(LIST_ITEM, '')));
    } else {
      list = flushList(blocks, list);
      paragraph.push(line.trim());
    }
  }
  flushParagraph(blocks, paragraph);
  flushList(blocks, list);
  return blocks;
}

/** Ends the paragraph being read (if any); returns the lines of the next one. */
function flushParagraph(blocks: RichText, paragraph: string[]): string[] {
  if (paragraph.length === 0) return paragraph;
  blocks.push({ type: 'paragraph', spans: parseInline(paragraph.join('\n')) });
  return [];
}

/** Ends the list being read (if any); returns the items of the next one. */
function flushList(blocks: RichText, list: Span[][]): Span[][] {
  if (list.length === 0) return list;
  blocks.push({ type: 'list', items: list });
  return [];
}

/** Text that must not be parsed (a citizen's or consultant's own words): one paragraph per blank-line block. */
export function plainText(source: string): RichText {
  return source
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => ({ type: 'paragraph' as const, spans: [{ text: part }] }));
}

/** Joins rich texts into one. */
export function concatRichText(...parts: RichText[]): RichText {
  return parts.flat();
}

/** What starts a list item in every rendering (the Telegram splitter counts it too). */
export const LIST_BULLET = '• ';

/**
 * Rich text as one string, each span rendered by `renderSpan`: paragraphs separated by a blank line, list items as
 * "• " lines. Every renderer's layout (plain text, Telegram HTML, VK).
 */
export function renderBlocks(text: RichText, renderSpan: (span: Span) => string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (i > 0) out += '\n\n';
    const block = text[i]!;
    if (block.type === 'paragraph') {
      out += renderSpans(block.spans, renderSpan);
    } else {
      for (let j = 0; j < block.items.length; j++) {
        if (j > 0) out += '\n';
        out += LIST_BULLET + renderSpans(block.items[j]!, renderSpan);
      }
    }
  }
  return out;
}

function renderSpans(spans: readonly Span[], renderSpan: (span: Span) => string): string {
  let out = '';
  for (const span of spans) out += renderSpan(span);
  return out;
}

/** A link as "label (url)" unless the label is the url. */
function plainSpan(s: Span): string {
  return s.href && s.href !== s.text ? `${s.text} (${s.href.replace(/^tel:/, '')})` : s.text;
}

/** Renders to plain text with "• " bullets; links become "label (url)" unless the label is the url. */
export function toPlainText(text: RichText): string {
  return renderBlocks(text, plainSpan);
}
