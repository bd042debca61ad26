/** Telegram allows about one message per second in a chat and 30 per second overall. */
export const TELEGRAM_LIMITS = { perChatPerSecond: 1, globalPerSecond: 30 } as const;
