/**
 * One test per measured defect of node-vk-bot-api 3.5.0 that the adapter wraps (PLATFORMS.md, "VK"). Each would
 * fail if the wrap were removed.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel } from '../../../src/bots/channel.js';
import { createVkChannelWithOptions } from '../../../src/bots/vk/vk-channel.js';
import { createLibraryBot, libraryAxiosVersion } from '../../../src/bots/vk/vk-library.js';
import { DeliveryError } from '../../../src/messaging/delivery.js';
import { parseRichText } from '../../../src/messaging/rich-text.js';
import { FakeVkApi } from '../../support/fake-vk/fake-vk-api.js';
import {
  eventually,
  FAST,
  longPollConfig,
  memoryLogger,
  RecordingSink,
  testDeps,
} from '../../support/fake-vk/vk-test-kit.js';

const PERSON = 7003;
const text = (s: string) => ({ text: parseRichText(s) });

/** Runs a child process; resolves with its output and how long it lived after printing `marker`. */
function runChild(
  args: string[],
  marker: string,
  limitMs: number,
): Promise<{ output: string; exited: boolean; afterMarkerMs: number; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let markerAt = 0;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!markerAt && output.includes(marker)) markerAt = Date.now();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ output, exited: false, afterMarkerMs: markerAt ? Date.now() - markerAt : -1, code: null });
    }, limitMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ output, exited: true, afterMarkerMs: markerAt ? Date.now() - markerAt : -1, code });
    });
  });
}

describe('node-vk-bot-api defects, wrapped', () => {
  let fake: FakeVkApi;
  let sink: RecordingSink;
  let channel: Channel | undefined;

  beforeEach(async () => {
    fake = await FakeVkApi.start();
    sink = new RecordingSink();
  });

  afterEach(async () => {
    await channel?.stop();
    channel = undefined;
    await fake.close();
  });

  function startChannel(options = FAST, logger = memoryLogger().logger) {
    channel = createVkChannelWithOptions(longPollConfig(fake), testDeps(sink, logger), options);
    return channel;
  }

  it('the axios node-vk-bot-api resolves is the overridden one (≥ 0.31, past the published advisories)', () => {
    const [major, minor] = libraryAxiosVersion().split('.').map(Number);
    expect(major! >= 1 || (major === 0 && minor! >= 31)).toBe(true);
  });

  it('every call goes to VK_API_ROOT with VK_API_VERSION (not api.vk.com with v=5.103)', async () => {
    const vk = startChannel();
    await vk.start();
    await vk.sender.send(String(PERSON), text('проверка'), {});
    expect(fake.requests.filter((r) => r.name !== 'a_check').map((r) => r.params.v)).toEqual([
      '5.199',
      '5.199',
    ]);
    expect(fake.sent[0]?.apiVersion).toBe('5.199');
  });

  it('two messages to one chat in the same millisecond both arrive (own unique random_id, not Date.now())', async () => {
    const vk = startChannel();
    const pairs = 50;
    for (let i = 0; i < pairs; i++) {
      // Both sends start in the same tick, so Date.now() would give them the same random_id.
      await Promise.all([
        vk.sender.send(String(PERSON), text(`a${i}`), {}),
        vk.sender.send(String(PERSON), text(`b${i}`), {}),
      ]);
    }
    expect(fake.deduplicated).toEqual([]);
    expect(fake.messagesTo(PERSON)).toHaveLength(pairs * 2);
    const ids = fake.messagesTo(PERSON).map((m) => m.randomId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => Number.isInteger(id) && id > 0 && id < 2 ** 31)).toBe(true);
  });

  it('sending never uses execute batching, so a failing execute cannot leave a send hanging', async () => {
    const vk = startChannel();
    fake.fail('execute', { kind: 'error', code: 10 }, 100);
    await expect(vk.sender.send(String(PERSON), text('через api'), {})).resolves.toBeDefined();
    expect(fake.count('execute')).toBe(0);
    // The library's own sendMessage (whose promise would never settle) is disabled: it rejects at once.
    const bot = createLibraryBot({ token: fake.token, groupId: fake.groupId });
    await expect(bot.sendMessage(PERSON, 'x')).rejects.toThrow(/disabled/);
  });

  it('a hanging API makes the send reject (retry) within a bound instead of hanging forever', async () => {
    const vk = startChannel({ ...FAST, requestTimeoutMs: 800 });
    fake.fail('messages.send', { kind: 'hang' });
    const started = Date.now();
    const error = await vk.sender.send(String(PERSON), text('x'), {}).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as DeliveryError).failure.kind).toBe('retry');
  });

  it('backs off while the API answers HTTP 500: few requests in 2 s, and recovers afterwards', async () => {
    fake.fail('*', { kind: 'http', status: 500 }, 100_000);
    const vk = startChannel();
    const since = Date.now();
    await vk.start();
    await new Promise((r) => setTimeout(r, 2_000));
    const requests = fake.count(undefined, since);
    expect(requests).toBeGreaterThan(2); // it keeps trying
    expect(requests).toBeLessThan(30); // the library alone made ~13,000 in 2 s
    expect(vk.isConnected()).toBe(false);
    fake.clearFaults();
    await eventually(() => vk.isConnected() && fake.waitingPollers === 1, 3_000, 'reconnection');
    fake.push(fake.messageNew({ fromId: PERSON, text: 'снова работает' }));
    await eventually(() => sink.events.length === 1, 3_000, 'the event after recovery');
    expect(vk.isConnected()).toBe(true);
  });

  it('backs off while the long-poll server drops connections', async () => {
    fake.fail('a_check', { kind: 'drop' }, 100_000);
    const vk = startChannel();
    const since = Date.now();
    await vk.start();
    await new Promise((r) => setTimeout(r, 2_000));
    expect(fake.count(undefined, since)).toBeLessThan(30);
    expect(fake.count('a_check', since)).toBeGreaterThan(2);
  });

  it('backs off when the long-poll server answers at once with nothing instead of waiting', async () => {
    fake.longPollIgnoresWait = true;
    const vk = startChannel();
    const since = Date.now();
    await vk.start();
    await new Promise((r) => setTimeout(r, 2_000));
    expect(fake.count('a_check', since)).toBeLessThan(30);
    fake.longPollIgnoresWait = false;
    fake.push(fake.messageNew({ fromId: PERSON, text: 'всё ещё слушает' }));
    await eventually(() => sink.events.length === 1, 3_000, 'the event');
  });

  it('backs off while VK is entirely unreachable (connections refused), then delivers what was missed', async () => {
    const { logger, lines } = memoryLogger();
    const vk = startChannel(FAST, logger);
    await vk.start();
    await fake.waitFor(() => fake.waitingPollers === 1, 3_000, 'a waiting poller');
    await fake.down();
    const since = Date.now();
    await new Promise((r) => setTimeout(r, 2_000));
    const attempts = lines.filter(
      (l) => l.msg === 'VK long poll failed; retrying with back-off' && Number(l.time) >= since,
    );
    expect(attempts.length).toBeGreaterThan(2);
    expect(attempts.length).toBeLessThan(30);
    fake.push(fake.messageNew({ fromId: PERSON, text: 'пока вас не было' }));
    await fake.up();
    await eventually(() => sink.events.length === 1, 3_000, 'the missed event');
  });

  it('stop() ends polling and leaves nothing behind: a process that started and stopped the channel exits', async () => {
    const script = fileURLToPath(new URL('./fixtures/start-stop-channel.ts', import.meta.url));
    const run = await runChild(
      ['--import', 'tsx', script, fake.apiRoot, fake.token, String(fake.groupId), 'longpoll'],
      'stopped',
      20_000,
    );
    expect(run.output).toContain('stopped connected=false');
    expect(run.exited).toBe(true);
    expect(run.code).toBe(0);
    expect(run.afterMarkerMs).toBeLessThan(1_500);
    expect(fake.count('a_check')).toBeGreaterThan(0); // it was polling (with a 25 s wait) when stopped
  });

  it('the same holds in Callback API mode', async () => {
    const script = fileURLToPath(new URL('./fixtures/start-stop-channel.ts', import.meta.url));
    const run = await runChild(
      ['--import', 'tsx', script, fake.apiRoot, fake.token, String(fake.groupId), 'callback'],
      'stopped',
      20_000,
    );
    expect(run.exited).toBe(true);
    expect(run.afterMarkerMs).toBeLessThan(1_500);
  });

  it('control: the bare library keeps a process alive forever (the interval we clear)', async () => {
    const run = await runChild(
      ['-e', "new (require('node-vk-bot-api'))({ token: 'x' }); console.log('constructed')"],
      'constructed',
      1_500,
    );
    expect(run.output).toContain('constructed');
    expect(run.exited).toBe(false);
  });
});
