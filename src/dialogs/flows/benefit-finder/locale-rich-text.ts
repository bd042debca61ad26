import { parseRichText, type RichText } from '../../../messaging/rich-text.js';
import type { Turn } from '../../turn.js';

/** A locale string (markdown, as all the finder's are) as the blocks of a message. */
export function md(turn: Turn, key: string, vars?: Record<string, string | number>): RichText {
  return parseRichText(turn.ctx.t(key, vars));
}
