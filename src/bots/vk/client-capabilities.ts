/**
 * What each person's VK client can show, from `client_info` of their messages: whether it has keyboards,
 * inline keyboards, and which button types (`callback`, `open_link`, `location`, ...). Remembered in memory,
 * bounded (least recently seen forgotten first), so it cannot grow with the number of people.
 */

export interface ClientCapabilities {
  keyboard: boolean;
  inlineKeyboard: boolean;
  buttonActions: ReadonlySet<string>;
}

export const DEFAULT_CAPABILITIES_CACHE_SIZE = 10_000;

export interface CapabilitiesCache {
  get(peerId: number): ClientCapabilities | undefined;
  remember(peerId: number, capabilities: ClientCapabilities): void;
  readonly size: number;
}

/** Reads VK's `client_info` object; undefined when it is missing or not an object. */
export function capabilitiesFromClientInfo(clientInfo: unknown): ClientCapabilities | undefined {
  if (clientInfo === null || typeof clientInfo !== 'object') return undefined;
  const info = clientInfo as { button_actions?: unknown; keyboard?: unknown; inline_keyboard?: unknown };
  const actions = Array.isArray(info.button_actions)
    ? info.button_actions.filter((a): a is string => typeof a === 'string')
    : [];
  return {
    keyboard: info.keyboard === true || info.keyboard === 1,
    inlineKeyboard: info.inline_keyboard === true || info.inline_keyboard === 1,
    buttonActions: new Set(actions),
  };
}

export function createCapabilitiesCache(
  maxEntries: number = DEFAULT_CAPABILITIES_CACHE_SIZE,
): CapabilitiesCache {
  // A Map iterates in insertion order: deleting and re-inserting on every sighting makes it an LRU.
  const entries = new Map<number, ClientCapabilities>();
  return {
    get: (peerId) => entries.get(peerId),
    remember(peerId, capabilities) {
      entries.delete(peerId);
      entries.set(peerId, capabilities);
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
    },
    get size() {
      return entries.size;
    },
  };
}
