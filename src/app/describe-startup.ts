/** The lines `npm start` prints: what is on and where. */
import type { AppConfig } from '../config/config.js';

export function describeStartup(config: AppConfig, address: string): string {
  const local = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  const lines = ['Social welfare assistant is running.'];
  lines.push(config.webChat ? `  Web chat:  ${local}/` : '  Web chat:  off (WEB_CHAT=false)');
  if (config.telegram) {
    lines.push(
      config.telegram.mode === 'webhook'
        ? `  Telegram:  webhook at ${config.telegram.publicUrl}/webhooks/telegram`
        : `  Telegram:  long polling (${config.telegram.apiRoot})`,
    );
  } else lines.push('  Telegram:  off (set TELEGRAM_BOT_TOKEN)');
  if (config.vk) {
    lines.push(
      config.vk.mode === 'callback'
        ? `  VK:        Callback API at ${local}/webhooks/vk`
        : `  VK:        long poll (${config.vk.apiRoot})`,
    );
  } else lines.push('  VK:        off (set VK_GROUP_TOKEN and VK_GROUP_ID)');
  lines.push(`  Database:  ${config.databasePath}`);
  lines.push(`  Health:    ${local}/healthz, ${local}/readyz`);
  return lines.join('\n');
}
