/**
 * A citizen's chat through the whole engine as the app builds it from data/: the project's search, regions, flows
 * and locale files, no database. For dialog tests written in the citizen's own words: a line "[label]" presses
 * that button of the last reply, "/start" starts, anything else is typed.
 */
import { createFlowBuilder } from '../../src/app/build-flows.js';
import { createSearchBuilder } from '../../src/app/build-search.js';
import { type DialogState, initialState } from '../../src/dialogs/dialog-state.js';
import { transition } from '../../src/dialogs/transition.js';
import type { OutgoingMessage } from '../../src/messaging/outgoing-message.js';
import { toPlainText } from '../../src/messaging/rich-text.js';
import { projectKnowledge, translator } from './dialog-harness.js';

const kb = projectKnowledge();
const { search, understanding } = createSearchBuilder('data')(kb);
const { flows } = createFlowBuilder('data')(kb);

/** What the citizen saw after one line: the replies' text (joined by "---") and every button's label. */
export interface ChatReply {
  text: string;
  buttons: string[];
}

export interface EngineChat {
  send(line: string): ChatReply;
  state(): DialogState;
}

/** A new citizen's chat, /start already sent. */
export function engineChat(): EngineChat {
  let state: DialogState = initialState('ru');
  let last: OutgoingMessage[] = [];
  let seq = 0;
  const send = (line: string): ChatReply => {
    const label = /^\[(.*)\]$/.exec(line)?.[1];
    const button = label
      ? last.flatMap((m) => (m.buttons ?? []).flat()).find((b) => b.label === label)
      : undefined;
    if (label && button?.kind !== 'action') throw new Error(`no button ${line}`);
    const now = Date.UTC(2026, 11, 7, 10, 0) + ++seq * 60_000;
    const payload =
      line === '/start'
        ? { kind: 'start' as const }
        : button?.kind === 'action'
          ? { kind: 'button' as const, payload: button.payload }
          : { kind: 'text' as const, text: line };
    const result = transition(
      state,
      {
        eventId: String(seq),
        platform: 'web',
        userId: 'u1',
        chatId: 'u1',
        receivedAt: now,
        sourceMessageId: '1',
        ...payload,
      },
      { kb, search, understanding, translator, now, flows },
    );
    state = JSON.parse(JSON.stringify(result.state)) as DialogState;
    last = result.effects.flatMap((e) => (e.type === 'reply' ? [e.message] : []));
    return {
      text: last.map((m) => toPlainText(m.text)).join('\n---\n'),
      buttons: last.flatMap((m) => (m.buttons ?? []).flat().map((b) => b.label)),
    };
  };
  send('/start');
  return { send, state: () => state };
}

/** The reply to the last of these lines, each sent in turn in a fresh chat. */
export function lastReply(...lines: string[]): ChatReply {
  const chat = engineChat();
  let reply: ChatReply = { text: '', buttons: [] };
  for (const line of lines) reply = chat.send(line);
  return reply;
}

/** The same, sums written with plain spaces (the replies have no-break ones inside numbers). */
export function lastReplyPlainSpaces(...lines: string[]): ChatReply {
  const reply = lastReply(...lines);
  return { ...reply, text: reply.text.replace(/\u00a0/g, ' ') };
}
