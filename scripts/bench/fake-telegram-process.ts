/**
 * The fake Telegram Bot API and the simulated citizens, in a process of their own (so that the bot under test does
 * not share its event loop with them). Driven by the benchmark over the IPC channel of `fork()`; see fake-process.ts
 * for the messages.
 */
import { FakeBotApi } from '../../tests/support/fake-telegram/fake-bot-api.js';
import { CitizenCrowd, knowledgeBaseQuestions } from './citizen-crowd.js';
import type { FakeReply, FakeRequest } from './fake-process.js';

const fake = await FakeBotApi.start();
// Twenty thousand calls with their payloads would only measure the fake's garbage collector.
fake.recordCalls = false;
let crowd: CitizenCrowd | undefined;

function reply(message: FakeReply): void {
  process.send?.(message);
}

// The benchmark died or was interrupted: do not linger.
process.on('disconnect', () => process.exit(0));
process.on('message', (raw) => {
  const request = raw as FakeRequest;
  void handle(request).catch((error: unknown) =>
    reply({ type: 'error', message: (error as Error)?.stack ?? String(error) }),
  );
});

async function handle(request: FakeRequest): Promise<void> {
  switch (request.type) {
    case 'crowd': {
      crowd?.detach();
      fake.dropPendingUpdates();
      // Messages sent to the previous bot are not kept (the fake would otherwise hold every one of them).
      fake.messages.clear();
      crowd = new CitizenCrowd(fake, {
        citizens: request.citizens,
        firstUserId: request.firstUserId,
        questions: knowledgeBaseQuestions(request.dataDir),
        seed: request.seed,
      });
      reply({ type: 'crowd-ready' });
      return;
    }
    case 'wait-polling':
      await crowd!.waitForPolling(request.timeoutMs);
      reply({ type: 'polling' });
      return;
    case 'phase':
      reply({ type: 'phase-done', result: await crowd!.runPhase(request.options) });
      return;
    case 'records':
      reply({ type: 'records', updates: [...crowd!.updates.values()], sends: crowd!.sends });
      return;
    case 'close':
      await fake.close();
      reply({ type: 'closed' });
      process.disconnect?.();
      return;
  }
}

reply({ type: 'ready', apiRoot: fake.apiRoot, token: fake.token });
