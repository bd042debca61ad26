/**
 * Renders neutral rich text and buttons for Telegram: HTML parse mode, inline keyboards, the location keyboard.
 *
 * Every dynamic string is escaped here and nowhere else: texts come from locale files, knowledge entries and
 * consultants, and any of them may contain `<`, `&` or quotes. Telegram's HTML mode knows only `&lt;`, `&gt;`,
 * `&amp;` and `&quot;`, and rejects the whole message ("can't parse entities") on a stray `<` or `&`.
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup, ReplyKeyboardMarkup } from 'grammy/types';
import { DeliveryError } from '../../messaging/delivery.js';
import type { Button, OutgoingMessage } from '../../messaging/outgoing-message.js';
import { MAX_PAYLOAD_BYTES, payloadBytes } from '../../messaging/outgoing-message.js';
import type { RichText, Span } from '../../messaging/rich-text.js';
import { renderBlocks, toPlainText } from '../../messaging/rich-text.js';

/** Escapes text for Telegram HTML (element content). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes a value for a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}

/** A web address Telegram can open from a text link or a URL button: absolute http(s) only. */
export function safeWebUrl(href: string): string | undefined {
  if (!/^https?:\/\//i.test(href)) return undefined;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function renderSpan(span: Span): string {
  let html: string;
  const web = span.href ? safeWebUrl(span.href) : undefined;
  if (web) {
    html = `<a href="${escapeAttribute(web)}">${escapeHtml(span.text)}</a>`;
  } else if (span.href?.startsWith('tel:')) {
    // Telegram does not accept tel: in text links, but it turns a visible phone number into a tappable one.
    const number = span.href.slice('tel:'.length);
    html = span.text === number ? escapeHtml(span.text) : `${escapeHtml(span.text)} (${escapeHtml(number)})`;
  } else {
    html = escapeHtml(span.href && span.href !== span.text ? `${span.text} (${span.href})` : span.text);
  }
  return span.bold ? `<b>${html}</b>` : html;
}

/** Telegram HTML for rich text: paragraphs separated by a blank line, list items as "• " lines. */
export function renderTelegramHtml(text: RichText): string {
  return renderBlocks(text, renderSpan);
}

/** The same text without markup, for when Telegram refuses our HTML. */
export function renderTelegramPlain(text: RichText): string {
  return toPlainText(text);
}

/**
 * A button payload longer than Telegram's 64-byte callback data: a bug in whoever built the message. It is a
 * delivery error of kind `rejected`, so the outbox logs it and gives up instead of retrying a message that can
 * never be sent.
 */
export class ButtonPayloadTooLongError extends DeliveryError {
  override readonly name = 'ButtonPayloadTooLongError';
  constructor(
    readonly label: string,
    readonly bytes: number,
  ) {
    super({
      kind: 'rejected',
      reason:
        `Button "${label}" has a payload of ${bytes} bytes; Telegram's callback_data allows ${MAX_PAYLOAD_BYTES}. ` +
        'Shorten the payload (use an id, not a title).',
    });
  }
}

export interface KeyboardOptions {
  /** Throw on a button Telegram would reject (development); otherwise leave the button out. */
  strict: boolean;
  /** Told about every button left out (for the log). */
  onDropped?: (reason: string) => void;
}

function renderButton(button: Button, options: KeyboardOptions): InlineKeyboardButton | undefined {
  if (button.kind === 'action') {
    const bytes = payloadBytes(button.payload);
    if (bytes > MAX_PAYLOAD_BYTES || bytes === 0) {
      const error = new ButtonPayloadTooLongError(button.label, bytes);
      if (options.strict) throw error;
      options.onDropped?.(error.message);
      return undefined;
    }
    return { text: button.label, callback_data: button.payload };
  }
  const url = safeWebUrl(button.url);
  if (!url) {
    const reason = `Link button "${button.label}" has an address Telegram cannot open (only http and https)`;
    if (options.strict) throw new Error(reason);
    options.onDropped?.(reason);
    return undefined;
  }
  return { text: button.label, url };
}

/** The inline keyboard under a message, or undefined when it has no buttons. */
export function renderInlineKeyboard(
  buttons: OutgoingMessage['buttons'],
  options: KeyboardOptions,
): InlineKeyboardMarkup | undefined {
  const rows: InlineKeyboardButton[][] = [];
  for (const row of buttons ?? []) {
    const rendered: InlineKeyboardButton[] = [];
    for (const button of row) {
      const inline = renderButton(button, options);
      if (inline) rendered.push(inline);
    }
    if (rendered.length > 0) rows.push(rendered);
  }
  return rows.length > 0 ? { inline_keyboard: rows } : undefined;
}

/** A one-time reply keyboard with one button that shares the person's location. */
export function renderLocationKeyboard(label: string): ReplyKeyboardMarkup {
  return {
    keyboard: [[{ text: label, request_location: true }]],
    one_time_keyboard: true,
    resize_keyboard: true,
  };
}
