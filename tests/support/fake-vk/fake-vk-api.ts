/**
 * A fake VK API for tests (fastify on 127.0.0.1, port 0). Enough of VK for node-vk-bot-api and our adapter:
 *
 * - `/method/<name>`: messages.send (records random_id; a repeated random_id in one chat is dropped like VK does,
 *   answering the earlier message id), messages.edit, messages.sendMessageEventAnswer, groups.getLongPollServer,
 *   groups.getById, execute (messages.send calls only); VK-shaped errors `{error: {error_code, error_msg}}`.
 * - `/lp`: the Bots Long Poll server (`act=a_check`, `key`, `ts`, `wait`; returns early on new updates;
 *   `failed: 1|2|3` on demand).
 * - Faults on the next call(s) of a method: VK error codes, HTTP status, dropped connection (before or after the
 *   work is done), hang; the whole server down and up again on the same port.
 * - Every request is counted, for rate measurements.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';

export type Fault =
  | { kind: 'error'; code: number; message?: string }
  | { kind: 'http'; status: number }
  /** Close the connection without answering. */
  | { kind: 'drop' }
  /** Do the work, then close the connection: the caller cannot know it succeeded. */
  | { kind: 'drop-after' }
  /** Never answer (until the server closes). */
  | { kind: 'hang' }
  /** Answer normally (to let calls through before a later fault in the queue). */
  | { kind: 'none' };

export interface KeyboardJson {
  inline?: boolean;
  one_time?: boolean;
  buttons: { action: Record<string, unknown> & { type: string } }[][];
}

export interface SentMessage {
  messageId: number;
  conversationMessageId: number;
  peerId: number;
  text: string;
  randomId: number;
  keyboard?: KeyboardJson;
  apiVersion: string;
  at: number;
}

export interface RecordedRequest {
  /** Method name, or "a_check" for the long-poll server. */
  name: string;
  at: number;
  params: Record<string, string>;
}

export interface ClientInfo {
  button_actions: string[];
  keyboard: boolean;
  inline_keyboard: boolean;
  carousel?: boolean;
  lang_id?: number;
}

/** A current VK client (web, mobile): inline keyboards with callback and link buttons. */
export const MODERN_CLIENT: ClientInfo = {
  button_actions: ['text', 'vkpay', 'open_app', 'location', 'open_link', 'callback', 'intent_subscribe'],
  keyboard: true,
  inline_keyboard: true,
  carousel: true,
  lang_id: 0,
};

/** An old client: only the normal keyboard with text buttons. */
export const OLD_CLIENT: ClientInfo = {
  button_actions: ['text'],
  keyboard: true,
  inline_keyboard: false,
  lang_id: 0,
};

export interface VkUpdateJson {
  type: string;
  object: Record<string, unknown>;
  group_id: number;
  event_id: string;
  v: string;
}

interface Waiter {
  fromTs: number;
  wake: () => void;
}

export interface FakeVkOptions {
  token?: string;
  groupId?: number;
  /** Longest long-poll wait the fake honours, in seconds. */
  maxWaitSeconds?: number;
}

const MAX_MESSAGE = 4096;

export class FakeVkApi {
  readonly token: string;
  readonly groupId: number;
  readonly sent: SentMessage[] = [];
  readonly edits: { peerId: number; messageId: number; text: string; keyboard?: KeyboardJson }[] = [];
  readonly eventAnswers: { eventId: string; userId: number; peerId: number }[] = [];
  /** messages.send calls dropped because their random_id repeated in the chat. */
  readonly deduplicated: { peerId: number; randomId: number }[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly blockedPeers = new Set<number>();
  readonly updates: VkUpdateJson[] = [];

  private readonly app: FastifyInstance;
  private server!: Server;
  private port = 0;
  private readonly faults = new Map<string, Fault[]>();
  private readonly longPollFailures: (1 | 2 | 3)[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly hung = new Set<ServerResponse>();
  private keyGeneration = 1;
  private nextMessageId = 100;
  private readonly conversationCounters = new Map<number, number>();
  private readonly maxWaitSeconds: number;
  private isDown = false;
  /** A broken long-poll server: answers at once with no updates instead of waiting. */
  longPollIgnoresWait = false;

  private constructor(options: FakeVkOptions) {
    this.token = options.token ?? 'fake-vk-group-token-0123456789';
    this.groupId = options.groupId ?? 4242;
    this.maxWaitSeconds = options.maxWaitSeconds ?? 25;
    this.app = Fastify({
      logger: false,
      serverFactory: (handler) => {
        this.server = createServer((req: IncomingMessage, res: ServerResponse) => handler(req, res));
        return this.server;
      },
    });
    this.app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      },
    );
    this.app.post('/method/:name', (request, reply) => this.onMethod(request, reply));
    this.app.get('/method/:name', (request, reply) => this.onMethod(request, reply));
    this.app.get('/lp', (request, reply) => this.onLongPoll(request, reply));
  }

  static async start(options: FakeVkOptions = {}): Promise<FakeVkApi> {
    const fake = new FakeVkApi(options);
    await fake.app.listen({ port: 0, host: '127.0.0.1' });
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** What VK_API_ROOT should be. */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  // ---- faults -------------------------------------------------------------------------------------------

  /** The next `times` calls of `name` ("messages.send", "a_check", "*" for any) meet `fault`. */
  fail(name: string, fault: Fault, times = 1): void {
    const queue = this.faults.get(name) ?? [];
    for (let i = 0; i < times; i++) queue.push(fault);
    this.faults.set(name, queue);
  }

  /** The next a_check answers `{failed: n}`. */
  failLongPoll(failed: 1 | 2 | 3): void {
    this.longPollFailures.push(failed);
    for (const waiter of this.waiters) waiter.wake();
  }

  clearFaults(): void {
    this.faults.clear();
    this.longPollFailures.length = 0;
  }

  /** Stops listening (connections refused) and drops every open connection. */
  async down(): Promise<void> {
    if (this.isDown) return;
    this.isDown = true;
    this.releaseHung();
    for (const waiter of this.waiters) waiter.wake();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** Listens again on the same port. */
  async up(): Promise<void> {
    if (!this.isDown) return;
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.isDown = false;
  }

  async close(): Promise<void> {
    this.releaseHung();
    for (const waiter of this.waiters) waiter.wake();
    if (this.isDown) return;
    this.server.closeAllConnections();
    await this.app.close();
  }

  private releaseHung(): void {
    for (const res of this.hung) res.destroy();
    this.hung.clear();
  }

  // ---- measuring -----------------------------------------------------------------------------------------

  /** Requests (optionally of one name) since `sinceMs`. */
  count(name?: string, sinceMs = 0): number {
    return this.requests.filter((r) => (name === undefined || r.name === name) && r.at >= sinceMs).length;
  }

  /** Long-poll requests waiting right now. */
  get waitingPollers(): number {
    return this.waiters.size;
  }

  /** Resolves when `predicate` holds (checked every 10 ms); rejects after `timeoutMs`. */
  async waitFor(predicate: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`fake VK: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Messages to one chat, in order. */
  messagesTo(peerId: number): SentMessage[] {
    return this.sent.filter((m) => m.peerId === peerId);
  }

  // ---- citizens ------------------------------------------------------------------------------------------

  /** A `message_new` from a person (not yet delivered: pass it to `push` or to a Callback POST). */
  messageNew(input: {
    fromId: number;
    text?: string;
    payload?: string | Record<string, unknown>;
    clientInfo?: ClientInfo | null;
    attachments?: { type: string; [key: string]: unknown }[];
    geo?: { latitude: number; longitude: number };
  }): VkUpdateJson {
    const peerId = input.fromId;
    const message: Record<string, unknown> = {
      date: Math.floor(Date.now() / 1000),
      from_id: input.fromId,
      id: this.nextMessageId++,
      out: 0,
      peer_id: peerId,
      text: input.text ?? '',
      conversation_message_id: this.nextConversationId(peerId),
      fwd_messages: [],
      important: false,
      is_hidden: false,
      attachments: input.attachments ?? [],
    };
    if (input.payload !== undefined) {
      message.payload = typeof input.payload === 'string' ? input.payload : JSON.stringify(input.payload);
    }
    if (input.geo) message.geo = { type: 'point', coordinates: input.geo };
    const object: Record<string, unknown> = { message };
    if (input.clientInfo !== null) object.client_info = input.clientInfo ?? MODERN_CLIENT;
    return this.wrap('message_new', object);
  }

  /** A press of a callback button under message `conversationMessageId`. */
  messageEvent(input: { userId: number; payload: unknown; conversationMessageId: number }): VkUpdateJson {
    return this.wrap('message_event', {
      user_id: input.userId,
      peer_id: input.userId,
      event_id: randomBytes(6).toString('hex'),
      payload: input.payload,
      conversation_message_id: input.conversationMessageId,
    });
  }

  /** Delivers updates through the long-poll server. Returns them (with their event_id). */
  push(...updates: VkUpdateJson[]): VkUpdateJson[] {
    this.updates.push(...updates);
    for (const waiter of this.waiters) if (this.updates.length > waiter.fromTs) waiter.wake();
    return updates;
  }

  /** A Callback API body for `update`. */
  callbackBody(update: VkUpdateJson, secret: string | undefined): Record<string, unknown> {
    return secret === undefined ? { ...update } : { ...update, secret };
  }

  private wrap(type: string, object: Record<string, unknown>): VkUpdateJson {
    return { type, object, group_id: this.groupId, event_id: randomBytes(20).toString('hex'), v: '5.199' };
  }

  private nextConversationId(peerId: number): number {
    const next = (this.conversationCounters.get(peerId) ?? 0) + 1;
    this.conversationCounters.set(peerId, next);
    return next;
  }

  // ---- HTTP ----------------------------------------------------------------------------------------------

  private takeFault(name: string): Fault | undefined {
    for (const key of [name, '*']) {
      const queue = this.faults.get(key);
      if (queue && queue.length > 0) return queue.shift();
    }
    return undefined;
  }

  /** Applies a fault that acts before the work; returns true when the request is finished. */
  private applyFault(fault: Fault | undefined, reply: FastifyReply): boolean {
    if (!fault || fault.kind === 'drop-after' || fault.kind === 'none') return false;
    if (fault.kind === 'error') {
      void reply.send(vkError(fault.code, fault.message ?? `Fake error ${fault.code}`));
    } else if (fault.kind === 'http') {
      void reply.code(fault.status).type('text/html').send('<html>Internal error</html>');
    } else if (fault.kind === 'drop') {
      reply.raw.socket?.destroy();
    } else {
      this.hung.add(reply.raw);
      reply.raw.on('close', () => this.hung.delete(reply.raw));
    }
    return true;
  }

  private onMethod(request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
    const name = (request.params as { name: string }).name;
    const params = {
      ...((request.query as Record<string, string>) ?? {}),
      ...((request.body as Record<string, string> | undefined) ?? {}),
    };
    this.requests.push({ name, at: Date.now(), params });
    const fault = this.takeFault(name);
    if (this.applyFault(fault, reply)) return reply;
    let body: unknown;
    if (params.access_token !== this.token) {
      body = vkError(5, 'User authorization failed: invalid access_token');
    } else if (!params.v) {
      body = vkError(8, 'Invalid request: v (version) is required');
    } else {
      try {
        body = { response: this.perform(name, params) };
      } catch (error) {
        body = error instanceof FakeVkError ? vkError(error.code, error.message) : vkError(10, String(error));
      }
    }
    if (fault?.kind === 'drop-after') {
      reply.raw.socket?.destroy();
      return reply;
    }
    return reply.send(body);
  }

  private perform(name: string, params: Record<string, string>): unknown {
    switch (name) {
      case 'messages.send':
        return this.send(params);
      case 'messages.edit':
        return this.edit(params);
      case 'messages.sendMessageEventAnswer':
        this.eventAnswers.push({
          eventId: required(params, 'event_id'),
          userId: Number(required(params, 'user_id')),
          peerId: Number(required(params, 'peer_id')),
        });
        return 1;
      case 'groups.getLongPollServer':
        if (Number(params.group_id) !== this.groupId) throw new FakeVkError(100, 'group_id is invalid');
        return {
          key: `key${this.keyGeneration}`,
          server: `${this.apiRoot}/lp`,
          ts: String(this.updates.length),
        };
      case 'groups.getById':
        return { groups: [{ id: this.groupId, name: 'Fake community', screen_name: `club${this.groupId}` }] };
      case 'execute':
        return this.execute(required(params, 'code'), params.v ?? '');
      default:
        throw new FakeVkError(3, 'Unknown method passed');
    }
  }

  private send(params: Record<string, string>): number {
    const peerId = Number(params.peer_id ?? params.user_id);
    if (!Number.isSafeInteger(peerId) || peerId === 0) throw new FakeVkError(100, 'peer_id is undefined');
    if (params.random_id === undefined || params.random_id === '') {
      throw new FakeVkError(100, 'random_id is required');
    }
    const randomId = Number(params.random_id);
    const text = params.message ?? '';
    if (text === '' && !params.attachment) throw new FakeVkError(100, 'message is empty or invalid');
    if (text.length > MAX_MESSAGE) throw new FakeVkError(914, 'Message is too long');
    const keyboard = params.keyboard ? parseKeyboard(params.keyboard) : undefined;
    if (this.blockedPeers.has(peerId))
      throw new FakeVkError(901, "Can't send messages for users without permission");
    if (randomId !== 0) {
      const earlier = this.sent.find((m) => m.peerId === peerId && m.randomId === randomId);
      if (earlier) {
        this.deduplicated.push({ peerId, randomId });
        return earlier.messageId;
      }
    }
    const message: SentMessage = {
      messageId: this.nextMessageId++,
      conversationMessageId: this.nextConversationId(peerId),
      peerId,
      text,
      randomId,
      ...(keyboard ? { keyboard } : {}),
      apiVersion: params.v ?? '',
      at: Date.now(),
    };
    this.sent.push(message);
    return message.messageId;
  }

  private edit(params: Record<string, string>): number {
    const peerId = Number(required(params, 'peer_id'));
    const target = this.sent.find(
      (m) =>
        m.peerId === peerId &&
        ((params.message_id !== undefined && m.messageId === Number(params.message_id)) ||
          (params.conversation_message_id !== undefined &&
            m.conversationMessageId === Number(params.conversation_message_id))),
    );
    if (!target) throw new FakeVkError(100, 'message_id is invalid');
    const text = params.message ?? '';
    if (text.length > MAX_MESSAGE) throw new FakeVkError(914, 'Message is too long');
    const keyboard = params.keyboard ? parseKeyboard(params.keyboard) : undefined;
    target.text = text;
    if (keyboard) target.keyboard = keyboard;
    else delete target.keyboard;
    this.edits.push({ peerId, messageId: target.messageId, text, ...(keyboard ? { keyboard } : {}) });
    return 1;
  }

  /** `return { "1": API.messages.send({...}), ... };` as node-vk-bot-api builds it. */
  private execute(code: string, v: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const call = /"(\d+)":\s*API\.([\w.]+)\(/g;
    for (let m = call.exec(code); m; m = call.exec(code)) {
      const start = m.index + m[0].length;
      const end = matchingBrace(code, start);
      const args = JSON.parse(code.slice(start, end + 1)) as Record<string, unknown>;
      const params = Object.fromEntries(Object.entries(args).map(([k, val]) => [k, String(val)]));
      try {
        out[m[1]!] = this.perform(m[2]!, { v, ...params });
      } catch {
        out[m[1]!] = false;
      }
      call.lastIndex = end;
    }
    return out;
  }

  private async onLongPoll(request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
    const query = request.query as Record<string, string>;
    this.requests.push({ name: 'a_check', at: Date.now(), params: query });
    const fault = this.takeFault('a_check');
    if (this.applyFault(fault, reply)) return reply;
    const failed = this.longPollFailures.shift();
    if (failed === 1) return { failed: 1, ts: String(this.updates.length) };
    if (failed) return { failed };
    if (query.act !== 'a_check') return { failed: 2 };
    if (query.key !== `key${this.keyGeneration}`) return { failed: 2 };
    const ts = Number(query.ts);
    if (query.ts === undefined || !Number.isInteger(ts) || ts < 0 || ts > this.updates.length) {
      return { failed: 1, ts: String(this.updates.length) };
    }
    if (this.updates.length === ts && !this.longPollIgnoresWait) {
      const waitMs = Math.min(Number(query.wait) || 0, this.maxWaitSeconds) * 1000;
      await new Promise<void>((resolve) => {
        const waiter: Waiter = {
          fromTs: ts,
          wake: () => {
            clearTimeout(timer);
            this.waiters.delete(waiter);
            resolve();
          },
        };
        const timer = setTimeout(waiter.wake, waitMs);
        this.waiters.add(waiter);
        request.raw.on('close', waiter.wake);
      });
      if (reply.raw.destroyed || this.isDown) return reply;
      const failedLate = this.longPollFailures.shift();
      if (failedLate === 1) return { failed: 1, ts: String(this.updates.length) };
      if (failedLate) return { failed: failedLate };
      if (query.key !== `key${this.keyGeneration}`) return { failed: 2 }; // expired while waiting
    }
    const updates = this.updates.slice(ts);
    const body = { ts: String(this.updates.length), updates };
    if (fault?.kind === 'drop-after') {
      reply.raw.socket?.destroy();
      return reply;
    }
    return body;
  }

  /** Makes the current long-poll key invalid (the next a_check answers failed: 2). */
  rotateKey(): void {
    this.keyGeneration += 1;
    for (const waiter of this.waiters) waiter.wake();
  }
}

class FakeVkError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

function vkError(code: number, message: string) {
  return { error: { error_code: code, error_msg: message, request_params: [] } };
}

function required(params: Record<string, string>, name: string): string {
  const value = params[name];
  if (value === undefined || value === '')
    throw new FakeVkError(
      100,
      `One of the parameters specified was missing or invalid: ${name} is a required parameter`,
    );
  return value;
}

function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  throw new FakeVkError(12, 'Unable to compile code');
}

/** VK's keyboard rules (https://dev.vk.com/api/bots/development/keyboard); violations answer error 911. */
function parseKeyboard(raw: string): KeyboardJson {
  let keyboard: KeyboardJson;
  try {
    keyboard = JSON.parse(raw) as KeyboardJson;
  } catch {
    throw new FakeVkError(911, 'Keyboard format is invalid: not JSON');
  }
  const bad = (why: string) => new FakeVkError(911, `Keyboard format is invalid: ${why}`);
  if (!Array.isArray(keyboard.buttons)) throw bad('buttons is not an array');
  if (keyboard.inline && keyboard.one_time) throw bad('inline keyboard cannot be one_time');
  const maxRows = keyboard.inline ? 6 : 10;
  const maxButtons = keyboard.inline ? 10 : 40;
  if (keyboard.buttons.length > maxRows) throw bad(`more than ${maxRows} rows`);
  const all = keyboard.buttons.flat();
  if (all.length > maxButtons) throw bad(`more than ${maxButtons} buttons`);
  for (const row of keyboard.buttons) {
    if (!Array.isArray(row) || row.length > 5) throw bad('more than 5 buttons in a row');
    for (const button of row) {
      const action = button.action;
      if (!action || typeof action.type !== 'string') throw bad('button without action.type');
      if (!['text', 'callback', 'open_link', 'location', 'vkpay', 'open_app'].includes(action.type)) {
        throw bad(`unknown button type ${action.type}`);
      }
      if (action.type !== 'location') {
        if (typeof action.label !== 'string' || action.label.length === 0) throw bad('button without label');
        if (Array.from(action.label).length > 40) throw bad('label longer than 40 characters');
      }
      if (action.type === 'location' && row.length > 1) throw bad('location button must be alone in its row');
      if (action.type === 'open_link' && typeof action.link !== 'string') throw bad('open_link without link');
      if (typeof action.payload === 'string' && Buffer.byteLength(action.payload) > 255) {
        throw bad('payload longer than 255 bytes');
      }
    }
  }
  return keyboard;
}

/** POSTs a Callback API body to `url`; returns status and text. */
export async function postCallback(url: string, body: unknown): Promise<{ status: number; text: string }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}
