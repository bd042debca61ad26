/**
 * The Telegram command menu (setMyCommands) offers only what the assistant answers: every command in it is handled
 * by the engine or by a service flow, and has a description in both locales.
 */
import { describe, expect, it } from 'vitest';
import { BOT_COMMANDS } from '../../../../src/bots/telegram/telegram-channel.js';
import type { Effect } from '../../../../src/dialogs/effects.js';
import { translator } from '../../../support/dialog-harness.js';
import { servicesHarness } from '../../../support/service-flows.js';

const outcome = (effects: Effect[]) => effects.find((e) => e.type === 'outcome');

describe('the Telegram command menu', () => {
  it('includes the services: benefit finder, agency finder, complaint and /status', () => {
    expect(BOT_COMMANDS).toEqual(expect.arrayContaining(['benefits', 'where', 'complaint', 'status']));
    const flowCommands = servicesHarness().flows.flatMap((f) => f.commands ?? []);
    for (const command of flowCommands) expect(BOT_COMMANDS, command).toContain(command);
  });

  it.each([...BOT_COMMANDS])(
    '/%s is answered (not "unknown command") and described in ru and en',
    (command) => {
      const h = servicesHarness();
      h.send({ kind: 'start' });
      const effects =
        command === 'start' ? h.send({ kind: 'start' }) : h.send({ kind: 'command', command, args: '' });
      expect(outcome(effects)).toBeDefined();
      expect(outcome(effects)).not.toMatchObject({ detail: 'unknown_command' });
      for (const locale of ['ru', 'en'] as const) {
        const description = translator.t(locale, `commands.${command}`);
        expect(description.length, `${locale} ${command}`).toBeGreaterThan(3);
        expect(description.length).toBeLessThanOrEqual(256); // Telegram's limit for a command description
      }
    },
  );
});
