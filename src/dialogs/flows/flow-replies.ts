/**
 * What the flows' replies are made of: a locale string as blocks, a button that sends a payload back, and the main
 * menu's button. One copy for every flow (the complaint, agency and benefit finders each had their own).
 */
import type { Button } from '../../messaging/outgoing-message.js';
import { parseRichText, type RichText } from '../../messaging/rich-text.js';
import { encodePayload } from '../payloads.js';
import type { Turn } from '../turn.js';

/** A locale string (markdown, as the flows' are) as the blocks of a message. */
export function md(turn: Turn, key: string, vars?: Record<string, string | number>): RichText {
  return parseRichText(turn.ctx.t(key, vars));
}

/** A button that sends `data` back when pressed. */
export const action = (label: string, data: string): Button => ({ kind: 'action', label, payload: data });

/** «🏠 Меню». */
export const menuButton = (turn: Turn): Button =>
  action(turn.ctx.t('buttons.menu'), encodePayload({ a: 'menu' }));
