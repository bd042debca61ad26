/**
 * VK keyboards from our neutral buttons, within VK's limits
 * (https://dev.vk.com/api/bots/development/keyboard): at most 5 buttons a row; an inline keyboard has at most
 * 6 rows and 10 buttons, a normal one 10 rows and 40 buttons; labels up to 40 characters; payloads up to
 * 255 bytes.
 *
 * Clients differ: modern ones show inline keyboards with `callback` buttons (a press arrives as
 * `message_event` and the answer can edit the message in place); older ones only have the normal keyboard under
 * the input field, whose `text` buttons send a message carrying our payload.
 */
import type { Button, LinkButton } from '../../messaging/outgoing-message.js';
import type { ClientCapabilities } from './client-capabilities.js';

export type VkButtonAction =
  | { type: 'callback'; label: string; payload: string }
  | { type: 'text'; label: string; payload: string }
  | { type: 'open_link'; label: string; link: string }
  | { type: 'location'; payload: string };

export interface VkButton {
  action: VkButtonAction;
}

export interface VkKeyboard {
  inline?: boolean;
  one_time?: boolean;
  buttons: VkButton[][];
}

export const VK_KEYBOARD_LIMITS = {
  buttonsPerRow: 5,
  inline: { rows: 6, buttons: 10 },
  normal: { rows: 10, buttons: 40 },
  labelLength: 40,
  payloadBytes: 255,
} as const;

/** How to show buttons to one client. */
export interface KeyboardPlan {
  /** inline + callback buttons; normal one-time keyboard with text buttons; or no keyboard at all. */
  style: 'inline' | 'normal' | 'none';
  /** Link buttons as `open_link`; otherwise the links go into the text. */
  openLink: boolean;
  /** The client has a location button (used in normal keyboards only). */
  location: boolean;
  /** The client has the normal keyboard under the input field (for what an inline keyboard cannot hold). */
  normalKeyboard: boolean;
}

/** Unknown clients (e.g. first message after a restart) get what every keyboard-capable client can show. */
export function planKeyboard(capabilities: ClientCapabilities | undefined): KeyboardPlan {
  if (!capabilities) return { style: 'normal', openLink: false, location: false, normalKeyboard: true };
  const actions = capabilities.buttonActions;
  const style =
    capabilities.inlineKeyboard && actions.has('callback')
      ? 'inline'
      : capabilities.keyboard
        ? 'normal'
        : 'none';
  return {
    style,
    openLink: style !== 'none' && actions.has('open_link'),
    location: style !== 'none' && capabilities.keyboard && actions.has('location'),
    normalKeyboard: capabilities.keyboard,
  };
}

/** Payload of our action buttons, for both `callback` and `text` buttons. */
export function encodeButtonPayload(payload: string): string {
  return JSON.stringify({ p: payload });
}

/** Shortens a label to VK's 40 characters (counted as characters, not UTF-16 units). */
export function fitLabel(label: string): string {
  const chars = Array.from(label.trim());
  if (chars.length <= VK_KEYBOARD_LIMITS.labelLength) return chars.join('');
  return `${chars.slice(0, VK_KEYBOARD_LIMITS.labelLength - 1).join('')}…`;
}

export interface BuiltKeyboard {
  keyboard?: VkKeyboard;
  /** Link buttons the client cannot show as buttons: the renderer appends them to the text. */
  linksAsText: LinkButton[];
  /** Labels of buttons left out (payload too long, or over VK's limits). */
  dropped: string[];
}

/** Location rows carry this payload; a location reply arrives as a message with `geo` anyway. */
const LOCATION_PAYLOAD = encodeButtonPayload('location');

/**
 * Inline keyboards hold at most 10 buttons. Rather than drop buttons (a menu of 15 topics would lose five), a
 * message with more goes out with the normal keyboard under the input field (up to 40), as does a message asking
 * for the location (the location button lives there). Only what does not fit even there is dropped.
 */
export function buildVkKeyboard(
  rows: Button[][],
  requestLocation: boolean,
  plan: KeyboardPlan,
): BuiltKeyboard {
  if (plan.style === 'none') {
    return { linksAsText: rows.flat().filter((b): b is LinkButton => b.kind === 'link'), dropped: [] };
  }
  const withLocation = requestLocation && plan.location && plan.normalKeyboard;
  if (plan.style === 'inline' && !withLocation) {
    const inline = layOut(rows, 'inline', false, plan);
    if (inline.overflow === 0 || !plan.normalKeyboard) return inline.built;
  }
  return layOut(rows, 'normal', withLocation, plan).built;
}

function layOut(
  rows: Button[][],
  style: 'inline' | 'normal',
  withLocation: boolean,
  plan: KeyboardPlan,
): { built: BuiltKeyboard; overflow: number } {
  const linksAsText: LinkButton[] = [];
  const dropped: string[] = [];
  const converted: VkButton[][] = [];
  for (const row of rows) {
    const out: VkButton[] = [];
    for (const button of row) {
      if (button.kind === 'link') {
        if (plan.openLink)
          out.push({ action: { type: 'open_link', label: fitLabel(button.label), link: button.url } });
        else linksAsText.push(button);
        continue;
      }
      const payload = encodeButtonPayload(button.payload);
      if (Buffer.byteLength(payload, 'utf8') > VK_KEYBOARD_LIMITS.payloadBytes) {
        dropped.push(button.label);
        continue;
      }
      out.push({
        action: { type: style === 'inline' ? 'callback' : 'text', label: fitLabel(button.label), payload },
      });
    }
    if (out.length > 0) converted.push(out);
  }
  // The location button must be alone in its row.
  const locationRows: VkButton[][] = withLocation
    ? [[{ action: { type: 'location', payload: LOCATION_PAYLOAD } }]]
    : [];
  const limits = style === 'inline' ? VK_KEYBOARD_LIMITS.inline : VK_KEYBOARD_LIMITS.normal;
  const fitted = fitRows(converted, limits.rows - locationRows.length, limits.buttons - locationRows.length);
  dropped.push(...fitted.dropped.map(labelOf));
  const buttons = [...locationRows, ...fitted.rows];
  if (buttons.length === 0) return { built: { linksAsText, dropped }, overflow: fitted.dropped.length };
  const keyboard: VkKeyboard = style === 'inline' ? { inline: true, buttons } : { one_time: true, buttons };
  return { built: { keyboard, linksAsText, dropped }, overflow: fitted.dropped.length };
}

function labelOf(button: VkButton): string {
  return 'label' in button.action ? button.action.label : button.action.type;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Fits rows into `maxRows` rows and `maxButtons` buttons of at most 5 a row. The last row (where the core puts
 * "menu" and "consultant") is always kept; the rows above it are packed more densely first, and only what still
 * does not fit is dropped, from the end of those rows.
 */
export function fitRows<T>(rows: T[][], maxRows: number, maxButtons: number): { rows: T[][]; dropped: T[] } {
  const perRow = VK_KEYBOARD_LIMITS.buttonsPerRow;
  const nonEmpty = rows.filter((row) => row.length > 0);
  const last = nonEmpty.at(-1);
  if (!last) return { rows: [], dropped: [] };
  const tail = chunk(last, perRow);
  const body = nonEmpty.slice(0, -1).flatMap((row) => chunk(row, perRow));
  const count = (rs: T[][]) => rs.reduce((n, r) => n + r.length, 0);
  if (body.length + tail.length <= maxRows && count(body) + count(tail) <= maxButtons) {
    return { rows: [...body, ...tail], dropped: [] };
  }
  // The tail alone can exceed an inline keyboard only with more than 10 buttons in one row: keep what fits.
  const keptTail = chunk(last.slice(0, Math.min(last.length, maxButtons)), perRow).slice(0, maxRows);
  const tailDropped = last.slice(count(keptTail));
  const rowBudget = maxRows - keptTail.length;
  const buttonBudget = maxButtons - count(keptTail);
  const bodyButtons = body.flat();
  const kept = rowBudget > 0 ? bodyButtons.slice(0, Math.max(0, buttonBudget)) : [];
  const dropped = [...bodyButtons.slice(kept.length), ...tailDropped];
  // Keep the original layout of the kept buttons if it fits; otherwise pack 2, 3, ... a row.
  let layout: T[][] = [];
  let left = kept.length;
  for (const row of body) {
    if (left <= 0) break;
    layout.push(row.slice(0, left));
    left -= row.length;
  }
  for (let width = 2; layout.length > rowBudget && width <= perRow; width += 1) layout = chunk(kept, width);
  if (layout.length > rowBudget) {
    const overflow = layout.slice(rowBudget).flat();
    layout = layout.slice(0, rowBudget);
    dropped.unshift(...overflow);
  }
  return { rows: [...layout, ...keptTail], dropped };
}
