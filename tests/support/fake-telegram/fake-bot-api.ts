/**
 * A fake Telegram Bot API on 127.0.0.1 for tests with the real grammY (see shared/PLATFORMS.md, "Telegram").
 *
 * What it does like Telegram: a real long poll (offset confirms, limit, timeout, early return on a new update),
 * Telegram-shaped errors `{ ok: false, error_code, description, parameters }`, 404 for methods it does not know,
 * strict HTML parse mode ("can't parse entities"), "message is not modified" on identical edits, 409 on getUpdates
 * while a webhook is set, and webhook delivery with redelivery until the bot answers 2xx.
 * What it adds for tests: every call is recorded, faults can be injected on the next calls of a method, and
 * updates are injected as a citizen would cause them (see citizen.ts).
 */
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { Update } from 'grammy/types';
import { parseTelegramHtml, type TelegramEntity } from './telegram-html.js';

export type Fault =
  /** 429 Too Many Requests with parameters.retry_after (seconds). */
  | { type: 'rate-limit'; retryAfter: number }
  /** 500 Internal Server Error. */
  | { type: 'server-error' }
  /** Destroys the connection without answering. */
  | { type: 'drop' }
  /** 403 Forbidden: bot was blocked by the user. */
  | { type: 'blocked' }
  /** Waits, then answers normally (the call still takes effect, as on a slow Telegram). */
  | { type: 'hang'; ms: number }
  | { type: 'error'; code: number; description: string };

export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  at: number;
  /** What the fake answered: an HTTP status, or 'dropped'. */
  outcome: number | 'dropped';
  /** When the answer was ready. */
  answeredAt?: number;
  /**
   * The client had given up (closed the connection) before the answer was ready: a call that took effect although
   * the bot never learnt it did (a hang past the bot's timeout).
   */
  clientGone?: boolean;
  /** Asked for in the answer to a webhook request rather than by a request of its own. */
  viaWebhookReply?: boolean;
}

/** Told about every answered call (after it took effect), with the body the fake answered. */
export type CallListener = (call: RecordedCall, body: unknown) => void;

export interface FakeMessage {
  message_id: number;
  chatId: number;
  /** The text as a person sees it (markup parsed). */
  text: string;
  entities: TelegramEntity[];
  /** What the bot sent, markup included. */
  raw: string;
  parseMode?: string;
  replyMarkup?: Record<string, unknown>;
  editable: boolean;
  edits: number;
}

interface BotCommand {
  command: string;
  description: string;
}

interface PendingFault {
  fault: Fault;
  times: number;
  skip: number;
}

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: Record<string, unknown>,
  ) {
    super(description);
  }
}

const BOT_USER = { id: 1_000_001, is_bot: true, first_name: 'Помощник', username: 'welfare_test_bot' };

export class FakeBotApi {
  readonly calls: RecordedCall[] = [];
  readonly messages = new Map<number, FakeMessage>();
  readonly commands = new Map<string, BotCommand[]>();
  webhook: { url: string; secret?: string; allowedUpdates?: string[] } | undefined;
  /** Pause between webhook redeliveries (Telegram waits longer). */
  webhookRetryMs = 50;
  /** Keep every call in `calls` (benchmarks turn it off to keep the fake's memory flat). */
  recordCalls = true;
  /** Called for every answered call; load drivers watch the bot's replies through it. */
  onAnswered: CallListener | undefined;
  /** Called for every call as it arrives (a long poll is answered only later). */
  onReceived: ((call: RecordedCall) => void) | undefined;

  private readonly server = Fastify();
  private readonly queue: (Update & { forced?: boolean })[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly faults = new Map<string, PendingFault[]>();
  private readonly blocked = new Set<number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private allowedUpdates: string[] | undefined;
  private nextUpdateId = 100_000;
  private nextMessageId = 1;
  private delivering = false;
  private closed = false;
  apiRoot = '';

  constructor(readonly token = '123456:TEST-token_for-the-fake') {
    this.server.removeContentTypeParser('application/json');
    this.server.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
      try {
        done(null, body ? JSON.parse(body as string) : {});
      } catch (error) {
        done(error as Error);
      }
    });
    this.server.all('/*', (request, reply) => this.route(request, reply));
  }

  static async start(token?: string): Promise<FakeBotApi> {
    const api = new FakeBotApi(token);
    await api.server.listen({ host: '127.0.0.1', port: 0 });
    api.apiRoot = `http://127.0.0.1:${(api.server.server.address() as AddressInfo).port}`;
    return api;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    for (const wake of this.waiters) wake();
    await this.server.close();
  }

  // --- Test controls ---------------------------------------------------------------------------------------

  /** The next `times` calls of `method` fail with `fault` (after letting `skip` calls through). */
  failNext(method: string, fault: Fault, times = 1, { skip = 0 }: { skip?: number } = {}): void {
    const list = this.faults.get(method) ?? [];
    list.push({ fault, times, skip });
    this.faults.set(method, list);
  }

  /** Forgets faults not yet triggered. */
  clearFaults(): void {
    this.faults.clear();
  }

  /** Every later send to this chat answers 403 "bot was blocked by the user". */
  blockChat(chatId: number): void {
    this.blocked.add(chatId);
  }

  /** Adds an update (update_id assigned) as Telegram would after a person's action. */
  enqueue(update: Record<string, unknown>): Update {
    const full = { ...update, update_id: this.nextUpdateId++ } as unknown as Update;
    this.queue.push(full);
    this.wake();
    return full;
  }

  /** Delivers an update again with the same update_id, whatever offset the bot confirmed (at-least-once). */
  redeliver(update: Update): void {
    this.queue.push({ ...update, forced: true });
    this.wake();
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Messages the bot sent to a chat, oldest first. */
  messagesIn(chatId: number): FakeMessage[] {
    return [...this.messages.values()]
      .filter((m) => m.chatId === chatId)
      .sort((a, b) => a.message_id - b.message_id);
  }

  /** Forgets every update not yet confirmed (a new bot on the same fake starts from nothing). */
  dropPendingUpdates(): void {
    this.queue.length = 0;
  }

  /** Updates not yet confirmed by the bot. */
  pendingUpdates(): number {
    return this.queue.length;
  }

  // --- HTTP ------------------------------------------------------------------------------------------------

  private async route(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(request.url.split('?')[0]!);
    const payload = (request.body ?? {}) as Record<string, unknown>;
    const call: RecordedCall = { method: match?.[2] ?? request.url, payload, at: Date.now(), outcome: 200 };
    if (this.recordCalls) this.calls.push(call);
    this.onReceived?.(call);
    const send = (status: number, body: unknown) => {
      call.outcome = status;
      call.answeredAt = Date.now();
      call.clientGone = request.raw.socket.destroyed;
      this.onAnswered?.(call, body);
      return reply.code(status).send(body);
    };
    if (!match) return send(404, { ok: false, error_code: 404, description: 'Not Found' });
    if (match[1] !== this.token)
      return send(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = match[2]!;
    let pending = this.faults.get(method)?.[0];
    if (pending && pending.skip > 0) {
      pending.skip -= 1;
      pending = undefined;
    }
    if (pending) {
      pending.times -= 1;
      if (pending.times <= 0) this.faults.get(method)!.shift();
      const { fault } = pending;
      if (fault.type === 'drop') {
        call.outcome = 'dropped';
        reply.hijack();
        request.raw.socket.destroy();
        return;
      }
      if (fault.type === 'hang') await this.sleep(fault.ms);
      else {
        const error =
          fault.type === 'rate-limit'
            ? new ApiError(429, `Too Many Requests: retry after ${fault.retryAfter}`, {
                retry_after: fault.retryAfter,
              })
            : fault.type === 'server-error'
              ? new ApiError(500, 'Internal Server Error')
              : fault.type === 'blocked'
                ? new ApiError(403, 'Forbidden: bot was blocked by the user')
                : new ApiError(fault.code, fault.description);
        return send(error.code, {
          ok: false,
          error_code: error.code,
          description: error.description,
          parameters: error.parameters,
        });
      }
    }
    try {
      const result = await this.handle(method, payload, reply);
      return send(200, { ok: true, result });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const body = {
        ok: false,
        error_code: error.code,
        description: error.description,
        parameters: error.parameters,
      };
      return send(error.code === 404 ? 404 : error.code, body);
    }
  }

  private async handle(method: string, p: Record<string, unknown>, reply: FastifyReply): Promise<unknown> {
    switch (method) {
      case 'getMe':
        return BOT_USER;
      case 'getUpdates':
        return this.getUpdates(p, reply);
      case 'setWebhook':
        this.webhook = {
          url: String(p.url),
          secret: p.secret_token as string | undefined,
          allowedUpdates: p.allowed_updates as string[] | undefined,
        };
        this.wake();
        return true;
      case 'deleteWebhook':
        this.webhook = undefined;
        return true;
      case 'getWebhookInfo':
        return {
          url: this.webhook?.url ?? '',
          has_custom_certificate: false,
          pending_update_count: this.queue.length,
        };
      case 'setMyCommands':
        this.commands.set(this.commandScope(p), p.commands as BotCommand[]);
        return true;
      case 'getMyCommands':
        return this.commands.get(this.commandScope(p)) ?? [];
      case 'sendChatAction':
        this.checkChat(p);
        return true;
      case 'answerCallbackQuery':
        if (typeof p.callback_query_id !== 'string') throw new ApiError(400, 'Bad Request: query is too old');
        return true;
      case 'sendMessage':
        return this.sendMessage(p);
      case 'editMessageText':
        return this.editMessageText(p);
      default:
        throw new ApiError(404, 'Not Found: method not found');
    }
  }

  private commandScope(p: Record<string, unknown>): string {
    return typeof p.language_code === 'string' ? p.language_code : '';
  }

  private async getUpdates(p: Record<string, unknown>, reply: FastifyReply): Promise<Update[]> {
    if (this.webhook) {
      throw new ApiError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    const offset = Number(p.offset ?? 0);
    const limit = Math.min(Math.max(Number(p.limit ?? 100), 1), 100);
    const timeout = Number(p.timeout ?? 0);
    if (Array.isArray(p.allowed_updates))
      this.allowedUpdates = p.allowed_updates.length > 0 ? (p.allowed_updates as string[]) : undefined;
    const available = () => {
      // An offset confirms every update before it: they are forgotten, as on Telegram.
      for (let i = this.queue.length - 1; i >= 0; i--) {
        const u = this.queue[i]!;
        const type = Object.keys(u).find((k) => k !== 'update_id' && k !== 'forced')!;
        const unwanted = this.allowedUpdates && !this.allowedUpdates.includes(type);
        if (unwanted || (u.update_id < offset && !u.forced)) this.queue.splice(i, 1);
      }
      return this.queue.slice(0, limit);
    };
    let batch = available();
    if (batch.length === 0 && timeout > 0 && !this.closed) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.timers.delete(timer);
          this.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, timeout * 1000);
        this.timers.add(timer);
        this.waiters.add(done);
        reply.raw.once('close', done);
      });
      batch = available();
    }
    for (const u of batch) if (u.forced) this.queue.splice(this.queue.indexOf(u), 1);
    return batch.map(({ forced: _, ...u }) => u as Update);
  }

  private checkChat(p: Record<string, unknown>): number {
    const chatId = Number(p.chat_id);
    if (!Number.isSafeInteger(chatId) || chatId === 0) throw new ApiError(400, 'Bad Request: chat not found');
    if (this.blocked.has(chatId)) throw new ApiError(403, 'Forbidden: bot was blocked by the user');
    return chatId;
  }

  private parseText(p: Record<string, unknown>): { text: string; entities: TelegramEntity[] } {
    const raw = typeof p.text === 'string' ? p.text : '';
    let parsed: { text: string; entities: TelegramEntity[] } = { text: raw, entities: [] };
    if (p.parse_mode === 'HTML') {
      const result = parseTelegramHtml(raw);
      if (!result.ok) throw new ApiError(400, result.error);
      parsed = result;
    } else if (p.parse_mode !== undefined) {
      throw new ApiError(400, `Bad Request: unsupported parse_mode ${String(p.parse_mode)} in this fake`);
    }
    if (parsed.text.trim().length === 0) throw new ApiError(400, 'Bad Request: message text is empty');
    if (parsed.text.length > 4096) throw new ApiError(400, 'Bad Request: message is too long');
    return parsed;
  }

  private checkMarkup(markup: unknown): void {
    const rows = (markup as { inline_keyboard?: unknown[][] } | undefined)?.inline_keyboard;
    for (const button of (rows ?? []).flat() as Record<string, unknown>[]) {
      if (typeof button.text !== 'string' || button.text.length === 0)
        throw new ApiError(400, 'Bad Request: text buttons are unallowed in the inline keyboard');
      if (typeof button.callback_data === 'string') {
        const bytes = Buffer.byteLength(button.callback_data);
        if (bytes < 1 || bytes > 64) throw new ApiError(400, 'Bad Request: BUTTON_DATA_INVALID');
      } else if (typeof button.url === 'string') {
        if (!/^(?:https?|tg):\/\/\S+$/.test(button.url))
          throw new ApiError(400, `Bad Request: inline keyboard button URL '${button.url}' is invalid`);
      } else {
        throw new ApiError(400, 'Bad Request: can\'t find field "callback_data"');
      }
    }
  }

  private toMessage(m: FakeMessage): Record<string, unknown> {
    const inline = m.replyMarkup && 'inline_keyboard' in m.replyMarkup ? m.replyMarkup : undefined;
    return {
      message_id: m.message_id,
      date: Math.floor(Date.now() / 1000),
      chat: { id: m.chatId, type: 'private', first_name: 'Гражданин' },
      from: BOT_USER,
      text: m.text,
      ...(m.entities.length > 0 ? { entities: m.entities } : {}),
      ...(inline ? { reply_markup: inline } : {}),
      ...(m.edits > 0 ? { edit_date: Math.floor(Date.now() / 1000) } : {}),
    };
  }

  private sendMessage(p: Record<string, unknown>): Record<string, unknown> {
    const chatId = this.checkChat(p);
    const parsed = this.parseText(p);
    this.checkMarkup(p.reply_markup);
    const message: FakeMessage = {
      message_id: this.nextMessageId++,
      chatId,
      ...parsed,
      raw: String(p.text),
      parseMode: p.parse_mode as string | undefined,
      replyMarkup: p.reply_markup as Record<string, unknown> | undefined,
      editable: true,
      edits: 0,
    };
    this.messages.set(message.message_id, message);
    return this.toMessage(message);
  }

  private editMessageText(p: Record<string, unknown>): Record<string, unknown> {
    const chatId = this.checkChat(p);
    const message = this.messages.get(Number(p.message_id));
    if (!message || message.chatId !== chatId)
      throw new ApiError(400, 'Bad Request: message to edit not found');
    if (!message.editable) throw new ApiError(400, "Bad Request: message can't be edited");
    const parsed = this.parseText(p);
    this.checkMarkup(p.reply_markup);
    const same =
      parsed.text === message.text &&
      JSON.stringify(parsed.entities) === JSON.stringify(message.entities) &&
      JSON.stringify(p.reply_markup ?? null) === JSON.stringify(message.replyMarkup ?? null);
    if (same) {
      throw new ApiError(
        400,
        'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      );
    }
    Object.assign(message, parsed, {
      raw: String(p.text),
      parseMode: p.parse_mode as string | undefined,
      replyMarkup: p.reply_markup as Record<string, unknown> | undefined,
      edits: message.edits + 1,
    });
    return this.toMessage(message);
  }

  // --- Delivery --------------------------------------------------------------------------------------------

  private wake(): void {
    for (const wake of [...this.waiters]) wake();
    if (this.webhook) void this.deliverToWebhook();
  }

  /** Posts pending updates to the webhook one by one, in order; a non-2xx answer means "deliver it again". */
  private async deliverToWebhook(): Promise<void> {
    if (this.delivering) return;
    this.delivering = true;
    try {
      while (this.webhook && this.queue.length > 0 && !this.closed) {
        const { forced: _, ...update } = this.queue[0]!;
        const { status, body } = await postUpdateForAnswer(
          this.webhook.url,
          update as Update,
          this.webhook.secret,
        ).catch(() => ({ status: 0, body: undefined }));
        if (status >= 200 && status < 300) {
          this.queue.shift();
          await this.runWebhookReply(body);
        } else await this.sleep(this.webhookRetryMs);
      }
    } finally {
      this.delivering = false;
    }
  }

  /**
   * A method in the answer to a webhook request is run as Telegram runs it: like a request of its own, except that
   * the bot learns nothing of its result.
   */
  private async runWebhookReply(body: unknown): Promise<void> {
    if (
      typeof body !== 'object' ||
      body === null ||
      typeof (body as { method?: unknown }).method !== 'string'
    )
      return;
    const { method, ...payload } = body as { method: string } & Record<string, unknown>;
    const call: RecordedCall = { method, payload, at: Date.now(), outcome: 200, viaWebhookReply: true };
    if (this.recordCalls) this.calls.push(call);
    this.onReceived?.(call);
    try {
      // Only methods that need no HTTP reply of their own (not getUpdates) are run this way.
      await this.handle(method, payload, undefined as unknown as FastifyReply);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      call.outcome = error.code;
    }
    call.answeredAt = Date.now();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }
}

/** Posts an update to a webhook as Telegram does; returns the HTTP status. */
export async function postUpdate(url: string, update: unknown, secret?: string): Promise<number> {
  return (await postUpdateForAnswer(url, update, secret)).status;
}

/** Posts an update to a webhook as Telegram does; returns the HTTP status and the answer's JSON body, if any. */
export async function postUpdateForAnswer(
  url: string,
  update: unknown,
  secret?: string,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(secret !== undefined ? { 'x-telegram-bot-api-secret-token': secret } : {}),
    },
    body: JSON.stringify(update),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, body };
}
