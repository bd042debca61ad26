/**
 * Parses text in Telegram's HTML parse mode the way the Bot API does, strictly: the text a person would see and
 * its entities, or the "can't parse entities" error Telegram answers for malformed markup.
 *
 * Supported as in https://core.telegram.org/bots/api#html-style: b/strong, i/em, u/ins, s/strike/del, a href,
 * code, pre, tg-spoiler, blockquote, and the entities &lt; &gt; &amp; &quot; plus numeric ones. A stray `<` or a
 * bare `&` is an error here (Telegram tolerates some of them; being stricter catches escaping bugs).
 */

export interface TelegramEntity {
  type:
    | 'bold'
    | 'italic'
    | 'underline'
    | 'strikethrough'
    | 'code'
    | 'pre'
    | 'spoiler'
    | 'blockquote'
    | 'text_link';
  /** In UTF-16 code units, like Telegram. */
  offset: number;
  length: number;
  url?: string;
}

export type HtmlParseResult =
  | { ok: true; text: string; entities: TelegramEntity[] }
  | { ok: false; error: string };

const TAGS: Record<string, TelegramEntity['type']> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  a: 'text_link',
  code: 'code',
  pre: 'pre',
  'tg-spoiler': 'spoiler',
  blockquote: 'blockquote',
};

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

function decodeEntities(value: string): string | undefined {
  let failed = false;
  const decoded = value.replace(/&([^;\s]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) failed = true;
    if (name in NAMED) return NAMED[name]!;
    const numeric = /^#(?:x([0-9a-f]+)|(\d+))$/i.exec(name);
    if (numeric)
      return String.fromCodePoint(Number.parseInt(numeric[1] ?? numeric[2]!, numeric[1] ? 16 : 10));
    failed = true;
    return whole;
  });
  return failed ? undefined : decoded;
}

const TAG = /^<(\/?)([a-z-]+)((?:\s+[a-z-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*>/i;
const ATTRIBUTE = /([a-z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

export function parseTelegramHtml(html: string): HtmlParseResult {
  const fail = (what: string, at: number): HtmlParseResult => ({
    ok: false,
    error: `Bad Request: can't parse entities: ${what} at byte offset ${Buffer.byteLength(html.slice(0, at))}`,
  });
  let text = '';
  const entities: TelegramEntity[] = [];
  const open: { name: string; entity: TelegramEntity }[] = [];
  let i = 0;
  while (i < html.length) {
    const char = html[i]!;
    if (char === '<') {
      const tag = TAG.exec(html.slice(i));
      if (!tag) return fail('Unexpected character "<"; escape it as &lt;', i);
      const [whole, closing, rawName, attributes] = tag;
      const name = rawName!.toLowerCase();
      const type = TAGS[name];
      if (!type) return fail(`Unsupported start tag "${name}"`, i);
      if (closing) {
        const top = open.pop();
        if (!top || top.name !== name) return fail(`Unmatched end tag "${name}"`, i);
        top.entity.length = text.length - top.entity.offset;
        if (top.entity.length > 0) entities.push(top.entity);
      } else {
        const entity: TelegramEntity = { type, offset: text.length, length: 0 };
        if (name === 'a') {
          if (open.some((o) => o.name === 'a')) return fail('Nested links are not allowed', i);
          const attrs = new Map(
            [...(attributes ?? '').matchAll(ATTRIBUTE)].map((m) => [m[1]!.toLowerCase(), m[2] ?? m[3] ?? '']),
          );
          const href = decodeEntities(attrs.get('href') ?? '');
          if (!href || !/^(?:https?|tg):\/\/\S+$/i.test(href)) return fail('Wrong or missing href in <a>', i);
          entity.url = href;
        }
        open.push({ name, entity });
      }
      i += whole!.length;
    } else if (char === '&') {
      const match = /^&[^;\s<&]*;?/.exec(html.slice(i))!;
      const decoded = decodeEntities(match[0]);
      if (decoded === undefined) return fail(`Unsupported HTML entity "${match[0]}"; escape "&" as &amp;`, i);
      text += decoded;
      i += match[0].length;
    } else {
      text += char;
      i += 1;
    }
  }
  if (open.length > 0)
    return fail(`Can't find end tag corresponding to start tag "${open.at(-1)!.name}"`, html.length);
  entities.sort((a, b) => a.offset - b.offset);
  return { ok: true, text, entities };
}
