/**
 * The one place that loads node-vk-bot-api 3.5.0, and the wraps around its measured defects
 * (see /work/shared/PLATFORMS.md, "VK: node-vk-bot-api 3.5.0 has defects that the adapter must wrap"):
 *
 * - It posts to the hard-coded `https://api.vk.com/method/...` with `v: 5.103` through its own copy of axios.
 *   We add a request interceptor to *that* axios instance (resolved from the library's own path, not ours)
 *   which sends our calls to `VK_API_ROOT`, sets `v` to `VK_API_VERSION` and attaches a timeout/abort signal.
 * - Its constructor starts a `setInterval` (1 ms when `execute_timeout` is unset) that it never clears, so a
 *   process can never exit. We capture the handle while constructing and clear it at once: the interval only
 *   serves `execute` batching, which we never use (next point).
 * - `sendMessage`/`execute` batch through VK's `execute`, whose promises never settle when `execute` fails.
 *   Both are replaced by functions that reject; all calls go through `api()`, which rejects properly.
 * - Its bundled typings are wrong (`api()` missing, `reply()` typed void): we load it through `createRequire`
 *   and describe the small surface we use here instead.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

/** What the library passes to middlewares (only the fields we read). */
export interface VkLibraryContext {
  message: Record<string, unknown> & { type?: string };
  clientInfo?: unknown;
  eventId?: string;
  groupId?: number;
}

/** The response object the library's Callback handler writes to (express-style `res.end`). */
export interface VkLibraryResponse {
  status?: number;
  statusCode?: number;
  end(body: string): void;
}

/** The part of a node-vk-bot-api `VkBot` we use, typed correctly. */
export interface VkLibraryBot {
  api(method: string, params: Record<string, string | number>): Promise<{ response?: unknown }>;
  use(middleware: (ctx: VkLibraryContext, next: () => unknown) => unknown): unknown;
  /** Express-style call: `(req, res, next)`; returns the middleware chain's result, or undefined. */
  webhookCallback(req: { body: unknown }, res: VkLibraryResponse, next: () => void): unknown;
  start(): unknown;
  stop(): unknown;
  isStopped: boolean;
  sendMessage: (...args: unknown[]) => Promise<unknown>;
  execute: (...args: unknown[]) => Promise<unknown>;
}

interface VkBotSettings {
  token: string;
  group_id?: number;
  execute_timeout?: number;
  polling_timeout?: number;
  secret?: string;
  confirmation?: string;
}

type VkBotConstructor = new (settings: VkBotSettings) => VkLibraryBot;

/** The library's thrown error for a VK `{error: {...}}` answer (lib/errors/ApiError.js). */
export interface VkLibraryApiError extends Error {
  response: { error_code?: unknown; error_msg?: unknown };
}

// Minimal axios surface (the library's copy; its own types are not ours to import).
interface AxiosRequestConfigLike {
  url?: string;
  data?: unknown;
  params?: Record<string, unknown>;
  signal?: AbortSignal;
  timeout?: number;
  responseType?: string;
}
interface AxiosLike {
  get(url: string, config?: AxiosRequestConfigLike): Promise<{ status: number; data: unknown }>;
  interceptors: {
    request: { use(onFulfilled: (config: AxiosRequestConfigLike) => AxiosRequestConfigLike): number };
  };
  VERSION?: string;
}

const require = createRequire(import.meta.url);
const libraryEntry = require.resolve('node-vk-bot-api');
const VkBot = require(libraryEntry) as VkBotConstructor;
/** The axios node-vk-bot-api itself resolves: intercepting any other copy would redirect nothing. */
const requireFromLibrary = createRequire(libraryEntry);
const libraryAxiosPath = requireFromLibrary.resolve('axios');
const libraryAxios = requireFromLibrary('axios') as AxiosLike;

/** The private form field that carries a per-request tag from our `api()` call to the interceptor. */
const TAG_FIELD = '__wa_request_tag';
const HARD_CODED_ROOT = 'https://api.vk.com/';

export interface RequestRoute {
  /** e.g. https://api.vk.com or a local fake; no trailing slash. */
  apiRoot: string;
  apiVersion: string;
  signal: AbortSignal;
}

const routes = new Map<string, RequestRoute>();

libraryAxios.interceptors.request.use((config) => {
  if (
    typeof config.url !== 'string' ||
    !config.url.startsWith(HARD_CODED_ROOT) ||
    typeof config.data !== 'string'
  ) {
    return config;
  }
  const form = new URLSearchParams(config.data);
  const tag = form.get(TAG_FIELD);
  const route = tag ? routes.get(tag) : undefined;
  if (!route) return config; // not one of our calls: leave it alone
  form.delete(TAG_FIELD);
  form.set('v', route.apiVersion);
  return {
    ...config,
    url: `${route.apiRoot}/${config.url.slice(HARD_CODED_ROOT.length)}`,
    data: form.toString(),
    signal: route.signal,
  };
});

/**
 * Calls `bot.api(method, params)` with the request routed to `route` (address, version, abort signal).
 * The tag travels as a form field and is removed by the interceptor before the request leaves.
 */
export async function callThroughLibrary(
  bot: VkLibraryBot,
  method: string,
  params: Record<string, string | number>,
  route: RequestRoute,
): Promise<{ response?: unknown }> {
  const tag = randomUUID();
  routes.set(tag, route);
  try {
    return await bot.api(method, { ...params, [TAG_FIELD]: tag });
  } finally {
    routes.delete(tag);
  }
}

/** GET through the library's axios (used for the long-poll server, whose address VK hands out). */
export async function getThroughLibraryAxios(
  url: string,
  params: Record<string, string | number>,
  signal: AbortSignal,
): Promise<unknown> {
  const { data } = await libraryAxios.get(url, { params, signal, responseType: 'json' });
  return data;
}

/** Version of the axios copy node-vk-bot-api resolves (the npm override should make it ≥ 0.31). */
export function libraryAxiosVersion(): string {
  if (libraryAxios.VERSION) return libraryAxios.VERSION;
  const pkg = requireFromLibrary(
    libraryAxiosPath.replace(/(node_modules[\\/]axios)[\\/].*$/, '$1/package.json'),
  ) as {
    version: string;
  };
  return pkg.version;
}

export function isLibraryApiError(error: unknown): error is VkLibraryApiError {
  return (
    error instanceof Error &&
    error.message === 'ApiError' &&
    typeof (error as Partial<VkLibraryApiError>).response === 'object' &&
    (error as VkLibraryApiError).response !== null &&
    'error_code' in (error as VkLibraryApiError).response
  );
}

export interface LibraryBotSettings {
  token: string;
  groupId: number;
  /** Callback API only. */
  confirmationCode?: string;
  callbackSecret?: string;
}

/**
 * Constructs a `VkBot` without its leaking interval and without the never-settling `execute` path.
 */
export function createLibraryBot(settings: LibraryBotSettings): VkLibraryBot {
  const originalSetInterval = globalThis.setInterval;
  const captured: ReturnType<typeof setInterval>[] = [];
  // The constructor calls the global setInterval synchronously; capture exactly what it starts.
  globalThis.setInterval = ((...args: Parameters<typeof setInterval>) => {
    const handle = originalSetInterval(...args);
    captured.push(handle);
    return handle;
  }) as typeof setInterval;
  let bot: VkLibraryBot;
  try {
    bot = new VkBot({
      token: settings.token,
      group_id: settings.groupId,
      // Never 1 ms, even for the instant the interval exists.
      execute_timeout: 60_000,
      ...(settings.confirmationCode !== undefined ? { confirmation: settings.confirmationCode } : {}),
      ...(settings.callbackSecret !== undefined ? { secret: settings.callbackSecret } : {}),
    });
  } finally {
    globalThis.setInterval = originalSetInterval;
  }
  for (const handle of captured) clearInterval(handle);
  const noBatching = () =>
    Promise.reject(
      new Error('node-vk-bot-api execute batching is disabled here: its promises never settle on failure'),
    );
  bot.sendMessage = noBatching;
  bot.execute = noBatching;
  return bot;
}
