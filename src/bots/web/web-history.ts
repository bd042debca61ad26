/**
 * The web chat's history after a reload: both sides of the conversation, in the order they happened, built from
 * what the server keeps anyway. The assistant's and consultants' messages come from the outbox (as the page draws
 * them live); the citizen's own messages from the transcript, where a private answer is only a placeholder and a
 * button press only its payload (the label is found on the message that offered the button).
 */
import { pressedPayload } from '../../app/describe-event.js';
import { PRIVATE_TRANSCRIPT_TEXT } from '../../app/dialog-runner.js';
import { decodePayload } from '../../dialogs/payloads.js';
import type { OutboxItem, TranscriptLine } from '../../storage/store.js';

/** A message of the assistant or a consultant, as GET /api/chat/messages returns it. */
export interface WebBotMessage {
  id: number;
  editOf: number | null;
  text: OutboxItem['message']['text'];
  buttons: NonNullable<OutboxItem['message']['buttons']>;
  requestLocation?: true;
  /**
   * The rows of the main menu's topics (`from`, `count` rows), which the page folds behind one «Все темы» button:
   * the greeting offered 18 buttons at once, a screen and a half on a phone, before anyone had read it.
   */
  topicRows?: { from: number; count: number };
}

/** Fewer topic rows than this stay open (a short list is quicker to read than to unfold). */
const FOLD_TOPIC_ROWS = 3;

/** The first run of rows whose every button opens a topic of the main menu, when it is long enough to fold. */
function topicRowsOf(buttons: WebBotMessage['buttons']): WebBotMessage['topicRows'] {
  const isTopicRow = (row: WebBotMessage['buttons'][number]) =>
    row.length > 0 && row.every((b) => b.kind === 'action' && decodePayload(b.payload)?.a === 'category');
  const from = buttons.findIndex(isTopicRow);
  if (from < 0) return undefined;
  let count = 0;
  while (from + count < buttons.length && isTopicRow(buttons[from + count]!)) count++;
  return count >= FOLD_TOPIC_ROWS ? { from, count } : undefined;
}

/**
 * `eventId` on the citizen's lines is the id the page made for the message: a page reloaded while a send was still
 * unconfirmed finds it here and neither shows that message a second time nor sends it again.
 */
export type WebHistoryItem =
  | { from: 'bot'; message: WebBotMessage }
  | { from: 'me'; text: string; eventId?: string };

/** What the page shows for the citizen's lines it cannot show as they were. */
export interface WebHistoryLabels {
  /** A private answer (kept without its text). */
  privateAnswer: string;
  /** A shared location. */
  location: string;
}

export function toWebMessage(m: OutboxItem): WebBotMessage {
  const buttons = m.message.buttons ?? [];
  const topicRows = topicRowsOf(buttons);
  return {
    id: m.id,
    editOf: m.editMessageId ? Number(m.editMessageId) : null,
    text: m.message.text,
    buttons,
    ...(m.message.requestLocation ? { requestLocation: true as const } : {}),
    ...(topicRows ? { topicRows } : {}),
  };
}

/**
 * The runner writes an event's replies to the transcript before the event itself (same `createdAt`): put each
 * citizen line back before the replies it caused, so the history reads question, then answer.
 */
function inTimeOrder(lines: readonly TranscriptLine[]): TranscriptLine[] {
  const ordered: TranscriptLine[] = [];
  /** Lines before this index belong to earlier events: an earlier event's replies are never moved past. */
  let claimed = 0;
  for (const line of lines) {
    if (line.direction !== 'in') {
      ordered.push(line);
      continue;
    }
    let at = ordered.length;
    while (
      at > claimed &&
      ordered[at - 1]!.direction === 'out' &&
      ordered[at - 1]!.createdAt === line.createdAt
    )
      at--;
    ordered.splice(at, 0, line);
    claimed = ordered.length;
  }
  return ordered;
}

/**
 * Both sides of one web chat. `sent` are the chat's delivered outbox messages (oldest first), `lines` the
 * transcript of the chat's citizen (oldest first). Outbox messages the transcript does not mention go last.
 * `eventIdOf` tells the page-made id of the event a citizen line records.
 */
export function buildWebHistory(
  sent: readonly OutboxItem[],
  lines: readonly TranscriptLine[],
  labels: WebHistoryLabels,
  eventIdOf: (line: TranscriptLine) => string | undefined = () => undefined,
): WebHistoryItem[] {
  const byId = new Map(sent.map((m) => [m.id, m]));
  const shown = new Set<number>();
  /** The label of the newest button offered so far, by payload. */
  const labelOf = new Map<string, string>();
  const items: WebHistoryItem[] = [];
  const showBot = (m: OutboxItem) => {
    shown.add(m.id);
    for (const b of m.message.buttons?.flat() ?? []) if (b.kind === 'action') labelOf.set(b.payload, b.label);
    items.push({ from: 'bot', message: toWebMessage(m) });
  };
  for (const line of inTimeOrder(lines)) {
    if (line.direction === 'out') {
      const m = line.outboxId != null ? byId.get(line.outboxId) : undefined;
      if (m && !shown.has(m.id)) showBot(m);
      continue;
    }
    if (line.author !== 'citizen') continue;
    const me = (text: string) => {
      const eventId = eventIdOf(line);
      items.push({ from: 'me', text, ...(eventId ? { eventId } : {}) });
    };
    if (line.text === PRIVATE_TRANSCRIPT_TEXT) {
      me(labels.privateAnswer);
      continue;
    }
    switch (line.kind) {
      case 'text':
      case 'command':
        me(line.text);
        break;
      case 'button': {
        const payload = pressedPayload(line);
        const label = payload !== undefined ? labelOf.get(payload) : undefined;
        if (label) me(label);
        break;
      }
      case 'location':
        me(labels.location);
        break;
      default:
        // start, system signals, media we cannot show: the citizen did not write them.
        break;
    }
  }
  for (const m of sent) if (!shown.has(m.id)) showBot(m);
  return items;
}
