/**
 * The terminal "messenger" of `npm run chat`: prints every message as plain text, buttons as `[label]` lines
 * (link buttons as `[label] url`), and remembers the last message's buttons so that a line `[label]` presses one.
 */
import type { PlatformSender } from '../../messaging/delivery.js';
import type { ActionButton, OutgoingMessage } from '../../messaging/outgoing-message.js';
import { toPlainText } from '../../messaging/rich-text.js';

export interface CliSender extends PlatformSender {
  /** Action buttons shown so far, newest message last (a label is looked up from the newest back). */
  readonly shownButtons: ActionButton[][];
}

export function renderForTerminal(message: OutgoingMessage): string {
  const lines = [toPlainText(message.text)];
  for (const row of message.buttons ?? []) {
    for (const b of row) lines.push(b.kind === 'link' ? `[${b.label}] ${b.url}` : `[${b.label}]`);
  }
  return lines.join('\n');
}

export function createCliSender(write: (text: string) => void): CliSender {
  const shown: ActionButton[][] = [];
  return {
    platform: 'cli',
    limits: { perChatPerSecond: 10_000, globalPerSecond: 10_000 },
    shownButtons: shown,
    async send(_chatId, message) {
      write(`${renderForTerminal(message)}\n\n`);
      const actions = (message.buttons ?? []).flat().filter((b): b is ActionButton => b.kind === 'action');
      if (actions.length > 0) shown.push(actions);
      if (shown.length > 20) shown.shift();
      return { platformMessageIds: [] };
    },
  };
}

/** Finds the button a `[label]` line presses: the newest message first. */
export function findButton(shown: readonly ActionButton[][], label: string): ActionButton | undefined {
  const wanted = label.trim().toLowerCase();
  for (let i = shown.length - 1; i >= 0; i--) {
    const hit = shown[i]!.find((b) => b.label.trim().toLowerCase() === wanted);
    if (hit) return hit;
  }
  return undefined;
}
