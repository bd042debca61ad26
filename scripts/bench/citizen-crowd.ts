/**
 * Simulated citizens writing to a bot through the fake Telegram Bot API (tests/support/fake-telegram), for the load
 * benchmark and the fault tests. Runs in the fake's process, so "the update became available" and "the bot's reply
 * arrived" are read from one clock.
 *
 * Each citizen has at most one message waiting for an answer (a person reads the reply before writing again) and
 * reacts to what the bot actually sent: the first message is /start, a reply with "back to the assistant" is left
 * that way, buttons are pressed with the payloads under the bot's latest message, the rest are questions from the
 * knowledge base and requests for a person. Messages are never the same text twice in a row (the assistant treats a
 * repeat within seconds as a double tap and stays silent).
 *
 * A phase either runs closed-loop (every citizen writes again as soon as answered: the throughput) or offers a fixed
 * rate (messages per second, to idle citizens: the latency at that load).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Update } from 'grammy/types';
import type { FakeBotApi, RecordedCall } from '../../tests/support/fake-telegram/fake-bot-api.js';

/** A reply call the fake applied (a new message, or an edit, counting "not modified" ones). */
export interface AppliedSend {
  chatId: number;
  method: 'sendMessage' | 'editMessageText';
  messageId: number;
  /** When the call reached the fake. */
  at: number;
  /** The bot had given up on the call before it took effect (see RecordedCall.clientGone). */
  clientGone: boolean;
  /** An edit to what the message already said ("message is not modified"): nothing changed for the person. */
  noChange: boolean;
}

/** An update the fake made available, with the times getUpdates handed it out. */
export interface OfferedUpdate {
  updateId: number;
  chatId: number;
  at: number;
  kind: StepKind;
  /** How many times getUpdates returned it (more than once: redelivered, the bot had not confirmed it). */
  fetched: number;
}

export type StepKind = 'start' | 'question' | 'button' | 'handoff';

export interface PhaseOptions {
  /** Messages in this phase, spread over the citizens. */
  messages: number;
  /** Offered messages per second; absent: closed loop. */
  ratePerSecond?: number;
  /** Stop waiting for one reply after this long (it counts as unanswered). */
  replyTimeoutMs: number;
}

export interface PhaseResult {
  mode: 'closed-loop' | 'paced';
  messages: number;
  answered: number;
  unanswered: number;
  durationMs: number;
  messagesPerSecond: number;
  /** Update made available → first reply call for that chat reaching the fake. */
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  kinds: Record<StepKind, number>;
  /** Bot API calls the bot made during the phase, by method (what a message costs it in requests). */
  apiCalls: Record<string, number>;
}

interface Keyboard {
  messageId: number;
  text: string;
  payloads: string[];
}

interface CitizenState {
  id: number;
  started: boolean;
  lastText: string | undefined;
  keyboard: Keyboard | undefined;
  waiting: { updateId: number; at: number } | undefined;
  budget: number;
}

/** Payloads of the core engine whose answer is one message; feature flows' buttons (bf:, cp:, ...) are left alone. */
const PRESSABLE = /^(?:m|\?|[ctes]:[^:]+(?::\d)?|f:[^:]+:1|r:(?:perm|volgograd|other)(?::[^:]+)?|h|h:n)$/;
const CANCEL_HANDOFF = 'hx';
const HANDOFF_TEXTS = [
  'позовите оператора',
  'хочу поговорить с живым человеком',
  'соедините с консультантом пожалуйста',
  '/operator',
];

/**
 * Example questions of the knowledge base's entries (their front matter's `questions:` list). The crisis entry's
 * are left out: a crisis starts an urgent hand-off whose reply has no "back to the assistant" button, and the
 * citizen's next questions would go to the consultant unanswered.
 */
export function knowledgeBaseQuestions(dataDir: string): string[] {
  const questions: string[] = [];
  const walk = (dir: string) => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, item.name);
      if (item.isDirectory()) walk(path);
      else if (item.name.endsWith('.md') && item.name !== 'README.md') {
        const source = readFileSync(path, 'utf8');
        if (/^topic:\s*crisis-support\s*$/m.test(source)) continue;
        const list = /^questions:\n((?:[ \t]+- .*\n)+)/m.exec(source);
        for (const line of list?.[1]?.trimEnd().split('\n') ?? [])
          questions.push(line.replace(/^\s*- /, '').replace(/^(["'])(.*)\1$/, '$2'));
      }
    }
  };
  walk(join(dataDir, 'faq'));
  return questions.filter((q) => q.length > 0);
}

/** A small deterministic generator (mulberry32), so that runs are comparable. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

let nextIncomingMessageId = 1;

export class CitizenCrowd {
  readonly updates = new Map<number, OfferedUpdate>();
  readonly sends: AppliedSend[] = [];
  private readonly citizens = new Map<number, CitizenState>();
  private readonly rng: () => number;
  private readonly idle: CitizenState[] = [];
  private phase:
    | {
        closedLoop: boolean;
        latencies: number[];
        answered: number;
        unanswered: number;
        kinds: Record<StepKind, number>;
        apiCalls: Record<string, number>;
        offered: number;
        lastReplyAt: number;
        onChange: () => void;
      }
    | undefined;
  private polled: (() => void) | undefined;
  private hasPolled = false;
  /**
   * The API-call counts of the phase each button was pressed in. The bot answers a press (answerCallbackQuery) at
   * once but on a connection of its own, so that answer can reach the fake after the reply it raced with, and after
   * the phase has ended: it is counted in the phase of its press, not of its arrival.
   */
  private readonly pressPhaseCalls = new Map<string, Record<string, number>>();

  constructor(
    private readonly fake: FakeBotApi,
    private readonly options: { citizens: number; firstUserId: number; questions: string[]; seed?: number },
  ) {
    if (options.questions.length < 2) throw new Error('the crowd needs at least two questions');
    this.rng = random(options.seed ?? 42);
    for (let i = 0; i < options.citizens; i++) {
      const id = options.firstUserId + i;
      const citizen: CitizenState = {
        id,
        started: false,
        lastText: undefined,
        keyboard: undefined,
        waiting: undefined,
        budget: 0,
      };
      this.citizens.set(id, citizen);
      this.idle.push(citizen);
    }
    const previous = fake.onAnswered;
    fake.onAnswered = (call, body) => {
      previous?.(call, body);
      this.observe(call, body);
    };
    const previousReceived = fake.onReceived;
    fake.onReceived = (call) => {
      previousReceived?.(call);
      const pressId =
        call.method === 'answerCallbackQuery' ? String(call.payload.callback_query_id) : undefined;
      const calls = pressId !== undefined ? this.pressPhaseCalls.get(pressId) : this.phase?.apiCalls;
      if (pressId !== undefined) this.pressPhaseCalls.delete(pressId);
      if (calls) calls[call.method] = (calls[call.method] ?? 0) + 1;
      if (call.method === 'getUpdates' && !this.hasPolled) {
        this.hasPolled = true;
        this.polled?.();
      }
    };
  }

  /** Resolves when a bot has asked for updates (it is polling). */
  waitForPolling(timeoutMs: number): Promise<void> {
    if (this.hasPolled) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no getUpdates within ${timeoutMs} ms`)), timeoutMs);
      this.polled = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** Messages still waiting for an answer. */
  waiting(): number {
    let n = 0;
    for (const c of this.citizens.values()) if (c.waiting) n++;
    return n;
  }

  /** Replies seen so far in the running phase. */
  answeredInPhase(): number {
    return this.phase?.answered ?? 0;
  }

  async runPhase(options: PhaseOptions): Promise<PhaseResult> {
    if (this.phase) throw new Error('a phase is running');
    const closedLoop = options.ratePerSecond === undefined;
    const kinds: Record<StepKind, number> = { start: 0, question: 0, button: 0, handoff: 0 };
    let wake: () => void = () => {};
    const phase = {
      closedLoop,
      latencies: [] as number[],
      answered: 0,
      unanswered: 0,
      kinds,
      apiCalls: {} as Record<string, number>,
      offered: 0,
      lastReplyAt: 0,
      onChange: () => wake(),
    };
    this.phase = phase;
    // Share the messages out: every citizen gets its part; the remainder goes to the first ones.
    const list = [...this.citizens.values()];
    list.forEach((c, i) => {
      c.budget = Math.floor(options.messages / list.length) + (i < options.messages % list.length ? 1 : 0);
    });
    const started = Date.now();
    try {
      if (closedLoop) {
        for (const c of this.idle.splice(0)) {
          if (c.budget > 0) this.step(c);
          else this.idle.push(c);
        }
      }
      let pacer: NodeJS.Timeout | undefined;
      if (!closedLoop) {
        const rate = options.ratePerSecond!;
        pacer = setInterval(() => {
          const due = Math.min(options.messages, Math.floor(((Date.now() - started) * rate) / 1000));
          // Idle citizens with messages left, round robin; a busy citizen's turn waits.
          let tries = this.idle.length;
          while (phase.offered < due && tries-- > 0) {
            const c = this.idle.shift()!;
            if (c.budget > 0) this.step(c);
            else this.idle.push(c);
          }
        }, 2);
      }
      const sweeper = setInterval(() => {
        const now = Date.now();
        for (const c of this.citizens.values()) {
          if (c.waiting && now - c.waiting.at > options.replyTimeoutMs) {
            c.waiting = undefined;
            phase.unanswered += 1;
            this.release(c);
          }
        }
        wake();
      }, 100);
      await new Promise<void>((resolve) => {
        wake = () => {
          if (phase.offered >= options.messages && this.waiting() === 0) resolve();
        };
        wake();
      });
      clearInterval(sweeper);
      if (pacer) clearInterval(pacer);
      // The replies are in, but the answers to this phase's presses travel on another connection and may still be on
      // their way: the phase's counts are read when they have arrived (or after the reply timeout, if one never does).
      const pressesDue = Date.now() + options.replyTimeoutMs;
      while (this.pressesPending(phase.apiCalls) > 0 && Date.now() < pressesDue) await sleep(5);
    } finally {
      this.phase = undefined;
    }
    const durationMs = Math.max(1, (phase.lastReplyAt || Date.now()) - started);
    const sorted = phase.latencies.sort((a, b) => a - b);
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      mode: closedLoop ? 'closed-loop' : 'paced',
      messages: phase.offered,
      answered: phase.answered,
      unanswered: phase.unanswered,
      durationMs,
      messagesPerSecond: Math.round((phase.answered / durationMs) * 1000),
      latencyMs: {
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
        max: sorted.at(-1) ?? 0,
        mean: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
      },
      kinds,
      apiCalls: phase.apiCalls,
    };
  }

  /** Presses of the phase with these counts whose answerCallbackQuery has not reached the fake yet. */
  private pressesPending(calls: Record<string, number>): number {
    let n = 0;
    for (const c of this.pressPhaseCalls.values()) if (c === calls) n++;
    return n;
  }

  /** Stops listening to the fake. */
  detach(): void {
    this.fake.onAnswered = undefined;
    this.fake.onReceived = undefined;
  }

  private release(citizen: CitizenState): void {
    const phase = this.phase;
    if (phase?.closedLoop && citizen.budget > 0) {
      this.step(citizen);
      return;
    }
    this.idle.push(citizen);
    phase?.onChange();
  }

  private observe(call: RecordedCall, body: unknown): void {
    if (call.method === 'getUpdates') {
      const result = (body as { result?: Update[] }).result ?? [];
      for (const u of result) {
        const offered = this.updates.get(u.update_id);
        if (offered) offered.fetched += 1;
      }
      return;
    }
    if (call.method !== 'sendMessage' && call.method !== 'editMessageText') return;
    const answer = body as {
      ok: boolean;
      description?: string;
      result?: { message_id: number; text?: string; reply_markup?: { inline_keyboard?: unknown[][] } };
    };
    const notModified = !answer.ok && /message is not modified/.test(answer.description ?? '');
    if (!answer.ok && !notModified) return;
    const chatId = Number(call.payload.chat_id);
    const messageId = answer.result?.message_id ?? Number(call.payload.message_id);
    this.sends.push({
      chatId,
      method: call.method,
      messageId,
      at: call.at,
      clientGone: call.clientGone === true,
      noChange: notModified,
    });
    const citizen = this.citizens.get(chatId);
    if (!citizen) return;
    const rows = answer.result?.reply_markup?.inline_keyboard;
    if (rows && answer.result) {
      const payloads = (rows.flat() as { callback_data?: string }[])
        .map((b) => b.callback_data)
        .filter((d): d is string => typeof d === 'string');
      citizen.keyboard = { messageId, text: answer.result.text ?? '', payloads };
    } else if (call.method === 'sendMessage') {
      citizen.keyboard = undefined;
    }
    const waiting = citizen.waiting;
    if (!waiting) return;
    citizen.waiting = undefined;
    const phase = this.phase;
    if (phase) {
      phase.latencies.push(call.at - waiting.at);
      phase.answered += 1;
      phase.lastReplyAt = call.at;
    }
    this.release(citizen);
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rng() * list.length)]!;
  }

  /** The citizen's next message, chosen from what the bot last showed them. */
  private step(citizen: CitizenState): void {
    const buttons = citizen.keyboard?.payloads ?? [];
    let update: Record<string, unknown>;
    let kind: StepKind;
    const r = this.rng();
    if (!citizen.started) {
      citizen.started = true;
      kind = 'start';
      update = this.command(citizen, '/start');
    } else if (buttons.includes(CANCEL_HANDOFF)) {
      // Waiting for a consultant: the citizen goes back to the assistant (texts would go to the consultant).
      kind = 'button';
      update = this.press(citizen, CANCEL_HANDOFF);
    } else if (r < 0.12) {
      kind = 'handoff';
      const text = this.pick(HANDOFF_TEXTS.filter((t) => t !== citizen.lastText));
      update = text.startsWith('/') ? this.command(citizen, text) : this.text(citizen, text);
    } else if (r < 0.55 && buttons.some((p) => PRESSABLE.test(p))) {
      kind = 'button';
      update = this.press(citizen, this.pick(buttons.filter((p) => PRESSABLE.test(p))));
    } else {
      kind = 'question';
      let question = this.pick(this.options.questions);
      while (question === citizen.lastText) question = this.pick(this.options.questions);
      update = this.text(citizen, question);
    }
    citizen.budget -= 1;
    if (this.phase) this.phase.offered += 1;
    const sent = this.fake.enqueue(update);
    const at = Date.now();
    citizen.waiting = { updateId: sent.update_id, at };
    this.updates.set(sent.update_id, { updateId: sent.update_id, chatId: citizen.id, at, kind, fetched: 0 });
    if (this.phase) this.phase.kinds[kind] += 1;
  }

  private user(citizen: CitizenState) {
    return { id: citizen.id, is_bot: false, first_name: 'Гражданин', language_code: 'ru' };
  }

  private message(citizen: CitizenState, content: Record<string, unknown>) {
    return {
      message_id: nextIncomingMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: citizen.id, type: 'private', first_name: 'Гражданин' },
      from: this.user(citizen),
      ...content,
    };
  }

  private text(citizen: CitizenState, text: string): Record<string, unknown> {
    citizen.lastText = text;
    return { message: this.message(citizen, { text }) };
  }

  private command(citizen: CitizenState, command: string): Record<string, unknown> {
    citizen.lastText = command;
    return {
      message: this.message(citizen, {
        text: command,
        entities: [{ type: 'bot_command', offset: 0, length: command.length }],
      }),
    };
  }

  private press(citizen: CitizenState, data: string): Record<string, unknown> {
    const source = citizen.keyboard!;
    const id = `cq-${citizen.id}-${nextIncomingMessageId++}`;
    if (this.phase) this.pressPhaseCalls.set(id, this.phase.apiCalls);
    return {
      callback_query: {
        id,
        from: this.user(citizen),
        chat_instance: `ci-${citizen.id}`,
        data,
        message: {
          message_id: source.messageId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: citizen.id, type: 'private', first_name: 'Гражданин' },
          text: source.text,
        },
      },
    };
  }
}
