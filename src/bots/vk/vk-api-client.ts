/**
 * Our VK API client: node-vk-bot-api's `api()` with its HTTP redirected to `VK_API_ROOT`, our API version,
 * a bounded time per request, and typed errors (VkApiError / VkTransportError).
 */

import { callWithTimeout } from '../call-timeout.js';
import { VkApiError, VkTransportError } from './vk-errors.js';
import {
  callThroughLibrary,
  getThroughLibraryAxios,
  isLibraryApiError,
  type VkLibraryBot,
} from './vk-library.js';

export type VkParams = Record<string, string | number | boolean | undefined>;

export interface VkCallOptions {
  /** Aborts the request (e.g. at shutdown). */
  signal?: AbortSignal;
  /** Overrides the client's default time limit. */
  timeoutMs?: number;
}

export interface VkApiClient {
  /** Calls `method` and returns VK's `response` field. */
  call<T = unknown>(method: string, params: VkParams, options?: VkCallOptions): Promise<T>;
  /** One long-poll request to the server VK handed out (`a_check`). */
  longPoll(server: string, params: Record<string, string | number>, options: VkCallOptions): Promise<unknown>;
  /** Whether the last call got an answer from VK (any answer, even an error object); undefined before any. */
  lastCallReachedVk(): boolean | undefined;
}

export interface VkApiClientOptions {
  bot: VkLibraryBot;
  token: string;
  apiRoot: string;
  apiVersion: string;
  /** Time limit of one API call. */
  timeoutMs: number;
}

/** VK expects 1/0 for booleans and no field at all for an absent value (querystring would send "a="). */
function formParams(params: VkParams): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    out[key] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  }
  return out;
}

function transportError(method: string, error: unknown): VkTransportError {
  const e = error as { code?: string; message?: string; response?: { status?: number } };
  const status = typeof e.response?.status === 'number' ? e.response.status : undefined;
  const detail = status !== undefined ? `HTTP ${status}` : (e.code ?? e.message ?? String(error));
  return new VkTransportError(method, detail, status);
}

export function createVkApiClient(options: VkApiClientOptions): VkApiClient {
  let reachedVk: boolean | undefined;
  return {
    async call<T>(method: string, params: VkParams, callOptions?: VkCallOptions): Promise<T> {
      let data: { response?: unknown };
      try {
        data = await callWithTimeout(
          callOptions?.timeoutMs ?? options.timeoutMs,
          (signal) =>
            callThroughLibrary(
              options.bot,
              method,
              formParams({ ...params, access_token: options.token, v: options.apiVersion }),
              { apiRoot: options.apiRoot, apiVersion: options.apiVersion, signal },
            ),
          callOptions?.signal,
        );
      } catch (error) {
        if (isLibraryApiError(error)) {
          reachedVk = true;
          const code = Number(error.response.error_code);
          throw new VkApiError(
            method,
            Number.isFinite(code) ? code : 0,
            String(error.response.error_msg ?? ''),
          );
        }
        reachedVk = false;
        throw transportError(method, error);
      }
      if (data === null || typeof data !== 'object' || !('response' in data)) {
        reachedVk = false;
        throw new VkTransportError(method, 'answer without "response"');
      }
      reachedVk = true;
      return data.response as T;
    },
    async longPoll(server, params, callOptions) {
      try {
        const body = await callWithTimeout(
          callOptions.timeoutMs ?? options.timeoutMs,
          (signal) => getThroughLibraryAxios(server, params, signal),
          callOptions.signal,
        );
        reachedVk = true;
        return body;
      } catch (error) {
        reachedVk = false;
        throw transportError('a_check', error);
      }
    },
    lastCallReachedVk: () => reachedVk,
  };
}
