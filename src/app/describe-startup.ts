/** The lines `npm start` prints: what is on and where. */
import type { AppConfig } from '../config/config.js';

export interface StartupExtras {
  /** The demo consultant created in local mode. */
  demo?: { login: string; password: string } | undefined;
}

export function describeStartup(config: AppConfig, address: string, extras: StartupExtras = {}): string {
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
  if (config.console.enabled) {
    lines.push(`  Console:   ${local}/console`);
    if (extras.demo)
      lines.push(
        `  Demo consultant: login ${extras.demo.login}, password ${extras.demo.password} (new at every start)`,
      );
    else lines.push('  Accounts:  npm run console:user -- add <login> --role consultant');
  } else lines.push('  Console:   off (CONSOLE_ENABLED=false)');
  lines.push(`  Database:  ${config.databasePath}`);
  lines.push(`  Health:    ${local}/healthz, ${local}/readyz`);
  lines.push(
    `  Metrics:   ${local}/metrics (${config.operations.metricsToken ? 'bearer token: METRICS_TOKEN' : 'open; set METRICS_TOKEN when the port is public'})`,
  );
  const flood = config.operations.floodMessagesPerMinute;
  lines.push(
    `  Limits:    ${flood > 0 ? `${flood} messages a minute per citizen` : 'no flood limit'}; transcripts anonymised after ${config.operations.retentionDays} days`,
  );
  return lines.join('\n');
}
