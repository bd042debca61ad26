/**
 * Buttons in the console's timeline: what the assistant offered under a message, and which one the citizen pressed,
 * in words. The transcript keeps a press as its payload ("[button f:childcare-under-1-5-amount:0]"), which means
 * nothing to a consultant; the label is found on the message that offered the button (the outbox keeps each message
 * with its buttons), and otherwise read from the payload itself (src/dialogs/payloads.ts) where it is one of the
 * assistant's own buttons.
 */
import { pressedPayload } from '../app/describe-event.js';
import { PRIVATE_TRANSCRIPT_TEXT } from '../app/dialog-runner.js';
import { decodePayload } from '../dialogs/payloads.js';
import type { OutgoingMessage } from '../messaging/outgoing-message.js';
import type { TranscriptLine } from '../storage/store.js';

/** What the assistant's buttons are called, for a press whose message is gone (anonymised, or never kept). */
export interface ButtonWords {
  /** A citizen-facing string (locales, outside `console:`), e.g. `buttons.helpful`; undefined if there is none. */
  t(key: string): string | undefined;
  entryTitle(id: string): string | undefined;
  topicTitle(slug: string): string | undefined;
}

export interface TimelineButtons {
  /** By transcript line id: the labels of the buttons an outgoing message offered, row by row. */
  offered: Map<number, string[][]>;
  /** By transcript line id: the label of the button a citizen pressed, when it can be told. */
  pressed: Map<number, string>;
}

/** One of the assistant's own buttons named from its payload, or undefined (another flow's, or a stale one). */
export function labelFromPayload(payload: string, words: ButtonWords): string | undefined {
  const action = decodePayload(payload);
  if (!action) return undefined;
  switch (action.a) {
    case 'menu':
      return words.t('buttons.menu');
    case 'help':
      return words.t('buttons.help');
    case 'category':
      return words.t(`categories.${action.slug}`);
    case 'topic':
      return words.topicTitle(action.slug);
    case 'entry':
      return words.entryTitle(action.id);
    case 'section': {
      const title = words.entryTitle(action.id);
      const section = words.t(`sections.${action.section}`);
      return section && title ? `${section} (${title})` : (section ?? title);
    }
    case 'feedback':
      return words.t(action.helpful ? 'buttons.helpful' : 'buttons.not_helpful');
    case 'region':
      return words.t(`regions.${action.region}`);
    case 'handoff':
      return words.t(action.reason === 'not_found' ? 'buttons.none_of_these' : 'buttons.consultant');
    case 'handoff-cancel':
      return words.t('buttons.back_to_assistant');
    case 'lang':
      return words.t(`lang.${action.locale}`);
    case 'forget':
      return words.t(action.confirm ? 'buttons.forget_yes' : 'buttons.forget_no');
  }
}

/**
 * Walks the transcript in order: each outgoing message's buttons are what a later press of the same payload meant
 * (the latest offer wins: the same payload can come back under another message with the same label).
 */
export function timelineButtons(
  lines: readonly TranscriptLine[],
  messageOf: (outboxId: number) => OutgoingMessage | undefined,
  words: ButtonWords,
): TimelineButtons {
  const offered = new Map<number, string[][]>();
  const pressed = new Map<number, string>();
  const labelOf = new Map<string, string>();
  for (const line of lines) {
    // A private answer's message (the benefit finder's, when the citizen did not agree to keep it) is still in the
    // outbox to be delivered, its buttons included: they are not shown, as its text is not.
    if (line.text === PRIVATE_TRANSCRIPT_TEXT) continue;
    if (line.direction === 'out' && line.outboxId !== null && line.outboxId !== undefined) {
      const rows = messageOf(line.outboxId)?.buttons ?? [];
      for (const b of rows.flat()) if (b.kind === 'action') labelOf.set(b.payload, b.label);
      const labels = rows.map((row) => row.map((b) => b.label)).filter((row) => row.length > 0);
      if (labels.length > 0) offered.set(line.id, labels);
      continue;
    }
    const payload = pressedPayload(line);
    if (payload === undefined) continue;
    const label = labelOf.get(payload) ?? labelFromPayload(payload, words);
    if (label) pressed.set(line.id, label);
  }
  return { offered, pressed };
}
