/**
 * "typing…" only when the answer is late. Showing it for every update cost a Bot API call per message (as much as
 * the reply itself) for an indicator the person never sees when the reply follows within a moment: Telegram hides
 * it as soon as the bot's message arrives. So a chat that waits for an answer is noted, and "typing…" goes out only
 * if nothing was sent to it within `delayMs`.
 *
 * During a surge every answer is late, and an indicator per waiting chat cost as much as the answers themselves
 * (three calls for every four replies in the load test, ~8% of the CPU), slowing the answers it is meant to excuse.
 * So at most `perSecond` go out (a token bucket); a chat over the budget waits without one.
 */

export interface TypingIndicatorOptions {
  /** How long an answer may take before "typing…" is shown (ms). */
  delayMs: number;
  /** Most indicators per second; more chats due at once go without. */
  perSecond: number;
  /** Sends the indicator (best effort; the caller catches and tracks it). */
  show(chatId: string): void;
  now?: () => number;
}

export interface TypingIndicator {
  /** The person in this chat now waits for an answer. */
  expect(chatId: string): void;
  /** Something is being sent to this chat: no indicator needed. */
  answered(chatId: string): void;
  /** Forgets every waiting chat and leaves no timer behind. */
  stop(): void;
}

export function createTypingIndicator(options: TypingIndicatorOptions): TypingIndicator {
  const now = options.now ?? Date.now;
  /** Chats waiting for an answer and when "typing…" is due, in the order they started waiting. */
  const waiting = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let tokens = options.perSecond;
  let refilledAt = now();

  function take(t: number): boolean {
    tokens = Math.min(options.perSecond, tokens + ((t - refilledAt) * options.perSecond) / 1000);
    refilledAt = t;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  }

  // One timer for all chats (a timer per message would cost about as much as what it saves): it fires at the
  // earliest due time, shows what is due and sets itself for the next.
  function arm(at: number) {
    if (timer || stopped) return;
    timer = setTimeout(sweep, Math.max(0, at - now()));
    timer.unref?.();
  }

  function sweep() {
    timer = undefined;
    const t = now();
    for (const [chatId, dueAt] of waiting) {
      if (dueAt > t) {
        // Entries are in due order (one delay for all, re-inserted when expected again).
        arm(dueAt);
        return;
      }
      waiting.delete(chatId);
      if (take(t)) options.show(chatId);
    }
  }

  return {
    expect(chatId) {
      if (stopped) return;
      // Waiting already: the first message sets the clock, a second one does not postpone the indicator.
      if (waiting.has(chatId)) return;
      const dueAt = now() + options.delayMs;
      waiting.set(chatId, dueAt);
      arm(dueAt);
    },
    answered(chatId) {
      waiting.delete(chatId);
    },
    stop() {
      stopped = true;
      waiting.clear();
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
