/**
 * The dialog while the chat is with a consultant: the citizen's free text (relayed, with the queue status when they
 * ask for it) and the system signals from the console (a consultant took the ticket, or closed it → the rating).
 */
import { comparableText } from '../i18n/comparable-text.js';
import type { SystemSignal } from '../messaging/incoming-event.js';
import type { OutgoingMessage } from '../messaging/outgoing-message.js';
import { parseRichText } from '../messaging/rich-text.js';
import type { SearchOutcome } from '../search/search-types.js';
import { startRating } from './flows/rating-flow.js';
import { serviceHoursMessage } from './hours-replies.js';
import { isPresenceCheck, isQueueQuestion, queueStatusMessage, reopening } from './queue-replies.js';
import * as reply from './reply-builders.js';
import { HANDOFF_ACK_INTERVAL_MS, type Turn } from './turn.js';
import { isTypedMenu } from './typed-buttons.js';

/** «Сама разберусь»: the citizen will manage alone, said alone or after «не надо». */
const ON_MY_OWN = 'сама разберусь|сам разберусь|разберусь сама|разберусь сам|сама справлюсь|сам справлюсь';

/**
 * "Не надо уже", "отмена", "передумала" typed while waiting for a consultant: the citizen withdraws the request, as
 * the «↩️ Отменить запрос консультанту» button does (it was relayed to the consultant instead, a citizen audit found). Also
 * with a word before it and the consultant named after it ("ладно отмена", "не надо оператора", "отмените запрос":
 * a second audit found them relayed; "ладно не надо сама разберусь" a third), but only these words: "не надо мне ваши
 * ссылки, позовите человека" is not one.
 */
const TYPED_CANCEL = new RegExp(
  '^(?:(?:ладно|ну|все|хорошо|ок|тогда|нет|а|я|уже|спасибо) )*' +
    `(?:не надо|не нужно|не нужен|не нужна|отмена|отменить|отмените|отмени|отменяю|отбой|передумал|передумала|${ON_MY_OWN})` +
    '(?: (?:уже|мне|больше|тогда|пока|спасибо|отмена|отменяю|оператора|оператор|консультанта|консультант|' +
    `человека|специалиста|запрос|заявку|обращение|вызов|ждать|${ON_MY_OWN}|я сама разберусь|я сам разберусь))*$`,
);

export function isTypedCancel(text: string): boolean {
  return TYPED_CANCEL.test(comparableText(text));
}

/** Words that take up an offer of a consultant ("да", "давайте", "зовите", "ок, позовите"). */
const ACCEPT_CORE = new Set([
  'да',
  'ага',
  'угу',
  'ок',
  'окей',
  'ok',
  'хорошо',
  'ладно',
  'конечно',
  'давайте',
  'давай',
  'зовите',
  'позовите',
  'зови',
  'позови',
  'вызовите',
  'пригласите',
  'соедините',
  'можно',
  'согласен',
  'согласна',
  'нужен',
  'нужна',
  'нужно',
  'надо',
  'хочу',
  'yes',
]);
const ACCEPT_ALSO = new Set([
  'ну',
  'тогда',
  'пожалуйста',
  'его',
  'мне',
  'консультанта',
  'оператора',
  'человека',
  'специалиста',
  'please',
]);

/**
 * A short "да" / "давайте" / "зовите" typed right after a reply offering the consultant («Могу позвать
 * консультанта.» with its button): the offer taken up, as the button does. It was read as 👍 of the answer before it,
 * or got "Напишите вопрос…" (a citizen audit). Only these words, at most five: "нет", "не надо" are not among them.
 */
export function isTypedAcceptance(text: string): boolean {
  const words = comparableText(text).split(' ').filter(Boolean);
  return (
    words.length > 0 &&
    words.length <= 5 &&
    words.some((w) => ACCEPT_CORE.has(w)) &&
    words.every((w) => ACCEPT_CORE.has(w) || ACCEPT_ALSO.has(w))
  );
}

/**
 * Sends a reply that offers the consultant with a button, and remembers the offer: a typed "да" next takes it up
 * (`isTypedAcceptance`). Any other message, press or command forgets it.
 */
export function offerConsultant(turn: Turn, message: OutgoingMessage): void {
  turn.send(message);
  turn.state.pending = 'handoff-offer';
}

/** Back to the assistant: the request to a consultant is withdrawn (the button, /cancel, or typed). */
export function cancelHandoff(turn: Turn): void {
  if (turn.state.handoff) {
    turn.state.handoff = undefined;
    turn.effects.push({ type: 'handoff-cancel' });
    turn.send(turn.menu('handoff.cancelled'));
  } else {
    turn.send(turn.menu('handoff.not_waiting'));
  }
  turn.outcome({ outcome: 'other', detail: 'handoff_cancel' });
}

/**
 * Free text while `state.handoff` is set. The message is the consultant's (it is in the transcript either way).
 * Returns false when the runner says there is no open ticket after all (closed while a signal was lost): the
 * hand-off is over and the text is a question for the assistant again.
 */
export function onWaitingText(turn: Turn, text: string, result: SearchOutcome): boolean {
  const { intent } = result;
  const handoff = turn.state.handoff;
  if (!handoff) return false;
  const queue = turn.deps.queue;
  if (queue && !queue.own) {
    turn.state.handoff = undefined;
    return false;
  }
  // Once a consultant has the ticket they read along live: no more "passed on" acknowledgements.
  const taken = handoff.taken || queue?.own?.taken;
  // "Позовите человека" again while waiting is a presence check too: it was relayed with no reply (a citizen audit).
  const asksAgain = isPresenceCheck(text) || intent === 'human';
  if (queue && (isQueueQuestion(text) || (!taken && asksAgain))) {
    turn.send(queueStatusMessage(turn));
    turn.outcome({ outcome: 'other', detail: 'queue_status' });
    return true;
  }
  // "Меню" typed while waiting does what the menu button does (it was relayed, with no menu): the menu, with the
  // way out of the queue on top.
  if (isTypedMenu(turn, text)) {
    turn.send(turn.waitingMenu());
    turn.outcome({ outcome: 'other', detail: 'menu' });
    return true;
  }
  if (turn.deps.flows?.some((f) => f.onWaitingText?.(turn, text))) return true;
  // "Вы сегодня работаете?" while waiting: the hours, with whether someone answers now (relayed all the same).
  if (intent === 'hours' && !taken) {
    turn.send(serviceHoursMessage(turn));
    turn.outcome({ outcome: 'other', detail: 'intent:hours' });
    return true;
  }
  // Before anyone has taken it; with a consultant in the chat "не надо" is part of the conversation.
  if (!taken && isTypedCancel(text)) {
    cancelHandoff(turn);
    return true;
  }
  // Out of hours nobody reads the message before the next working day, and a question the knowledge base answers
  // got silence until then (a citizen audit): it is answered now, saying the message was passed on all the same and
  // the place in the queue is kept.
  const when = taken ? undefined : reopening(turn);
  const entry =
    when !== undefined && result.band === 'answer' && intent === undefined && result.hits[0]
      ? turn.deps.kb.entry(result.hits[0].entryId)
      : undefined;
  if (entry && when !== undefined) {
    turn.state.handoff = { ...handoff, lastAckAt: turn.deps.now };
    turn.answer(entry, {
      confidence: result.confidence,
      detail: 'waiting:answer',
      lead: parseRichText(turn.ctx.t('handoff.answer_while_closed', { when })),
    });
    return true;
  }
  // The same for a question the knowledge base has a few answers to: «а пока ждать можно узнать какие документы на
  // субсидию» got nothing at all (a citizen audit: the acknowledgement had been sent a minute before).
  const choices =
    when !== undefined && result.band === 'clarify' && intent === undefined
      ? [...new Set(result.hits.map((h) => h.entryId))]
          .map((id) => turn.deps.kb.entry(id))
          .filter((e) => e !== undefined)
          .slice(0, 3)
      : [];
  if (choices.length > 1 && when !== undefined) {
    turn.state.handoff = { ...handoff, lastAckAt: turn.deps.now };
    turn.leadNextReply(parseRichText(turn.ctx.t('handoff.answer_while_closed', { when })));
    turn.offerChoices(choices, { detail: 'waiting:choices' });
    return true;
  }
  if (!taken && turn.deps.now - (handoff.lastAckAt ?? 0) >= HANDOFF_ACK_INTERVAL_MS) {
    turn.state.handoff = { ...handoff, lastAckAt: turn.deps.now };
    // Out of hours the acknowledgement says when it will be read: "Передал" alone read as "someone is on it".
    const later = when === undefined ? [] : parseRichText(turn.ctx.t('handoff.ack_closed', { when }));
    turn.send(reply.handoffConfirm(turn.ctx, [], 'handoff.ack', later));
  }
  turn.outcome({ outcome: 'other', detail: 'relayed' });
  return true;
}

/** A signal from the console. Stale signals (another ticket than the open one) change nothing. */
export function onSystemSignal(turn: Turn, signal: SystemSignal): void {
  const queue = turn.deps.queue;
  const current = queue ? queue.own?.ticketId === signal.ticketId : true;
  switch (signal.type) {
    case 'handoff-taken':
      if (!turn.state.handoff || !current) return turn.outcome({ outcome: 'other', detail: 'system:stale' });
      turn.state.handoff = { ...turn.state.handoff, taken: true };
      turn.send(reply.textMessage(turn.ctx, 'queue.joined'));
      return turn.outcome({ outcome: 'other', detail: 'system:taken' });
    case 'handoff-closed':
      if (!current) return turn.outcome({ outcome: 'other', detail: 'system:stale' });
      turn.state.handoff = undefined;
      turn.state.failedSearches = 0;
      turn.effects.push({
        type: 'handoff-close',
        ticketId: signal.ticketId,
        resolution: signal.resolution,
        consultantId: signal.consultantId,
      });
      startRating(turn, signal.ticketId);
      return turn.outcome({ outcome: 'other', detail: 'system:closed' });
  }
}
