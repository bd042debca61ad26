/**
 * The finder's button payloads, `bf:<kind>:<value>…`: within Telegram's 64 bytes, since some carry the answers (nothing
 * is stored before the person agrees to keep them).
 */
export { action } from '../flow-replies.js';

/** The flow's code: the first part of its payloads and its key in `DialogState.kept`. */
export const FINDER_CODE = 'bf';

/** `bf:<parts>`, joined by colons. */
export const payload = (...parts: string[]) => [FINDER_CODE, ...parts].join(':');
