/**
 * The one platform-neutral message the assistant sends. Adapters render it for their messenger.
 */
import type { RichText } from './rich-text.js';

/** A button that sends `payload` back to us when pressed. Payloads stay within 64 bytes (Telegram's limit). */
export interface ActionButton {
  kind: 'action';
  label: string;
  payload: string;
}

/** A button that opens a web address. */
export interface LinkButton {
  kind: 'link';
  label: string;
  url: string;
}

export type Button = ActionButton | LinkButton;

export interface OutgoingMessage {
  text: RichText;
  /** Rows of buttons under the message. */
  buttons?: Button[][];
  /** Ask the client to share its location (a reply-keyboard button where the platform has one). */
  requestLocation?: boolean;
}

export const MAX_PAYLOAD_BYTES = 64;

/** Bytes of a payload in UTF-8, to keep within Telegram's 64-byte callback data. */
export function payloadBytes(payload: string): number {
  return Buffer.byteLength(payload, 'utf8');
}

/** All action buttons of a message, in order. */
export function actionButtons(message: OutgoingMessage): ActionButton[] {
  return (message.buttons ?? []).flat().filter((b): b is ActionButton => b.kind === 'action');
}
