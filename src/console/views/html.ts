/**
 * Safe HTML for the console: the `html` tag escapes every interpolated value unless it is already `SafeHtml` (built
 * by this tag). Everything a citizen or a consultant wrote, and every locale string, goes through it, so a message
 * with <script> or <img onerror=...> is shown as text and never runs. Never build markup by string concatenation.
 */

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** `html\`<p>${text}</p>\`` with `text` escaped. Attribute values must be quoted in the template. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Markup that is trusted as is (only for constants written in code, e.g. an SVG built from numbers). */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Only http(s) links leave the console; anything else (javascript:, data:) becomes "#". */
export function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '#';
}
