/**
 * The floor of the benchmark: the smallest grammY bot that answers every message and every button press, polling
 * with @grammyjs/runner (handlers run concurrently: the fastest polling grammY offers; the assistant polls with its
 * own loop, which stores a batch before confirming it). Whatever it cannot beat is the cost of grammY and the
 * loopback.
 * Reads TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT; stops on SIGTERM.
 */
import { run } from '@grammyjs/runner';
import { Bot } from 'grammy';

const bot = new Bot(process.env.TELEGRAM_BOT_TOKEN ?? '', {
  client: { apiRoot: process.env.TELEGRAM_API_ROOT ?? 'https://api.telegram.org' },
});
bot.on('message:text', (ctx) => ctx.reply(ctx.message.text));
bot.on('callback_query:data', (ctx) => ctx.reply(ctx.callbackQuery.data));

const runner = run(bot, {
  runner: { fetch: { timeout: 30, allowed_updates: ['message', 'callback_query'] } },
});
process.once('SIGTERM', () => {
  void runner.stop().then(() => process.exit(0));
});
