/**
 * The messenger thread's entry point: runs the real channel (grammY, HTTP, rendering, "typing…") and hands what it
 * receives to the main thread, which stores and processes it; sends what the main thread's delivery worker asks.
 * The channel's code is the same as in-process: only its inbound sink and its logger's output are proxies.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createLogger } from '../../app/logger.js';
import { tableTranslator } from '../../i18n/text-table.js';
import { type AcceptStatus, DeliveryError, type InboundSink } from '../../messaging/delivery.js';
import type { IncomingEvent } from '../../messaging/incoming-event.js';
import type { OutgoingMessage } from '../../messaging/outgoing-message.js';
import { createTelegramChannel } from '../telegram/index.js';
import { createMessageBatch } from './message-batch.js';
import { createPendingCalls } from './pending-calls.js';
import {
  errorInfo,
  type FromThread,
  type SendOutcome,
  type SendRequest,
  type ThreadSpec,
  type ToThread,
  toError,
} from './thread-messages.js';

const CONNECTED_CHECK_MS = 500;

const port = parentPort;
if (!port) throw new Error('channel-host.ts runs only as a worker thread (see channel-thread.ts)');
const spec = workerData as ThreadSpec;
const post = (message: FromThread) => port.postMessage(message);

const logger = createLogger(spec.logLevel, { write: (line: string) => post({ t: 'log', line }) });

const accepts = createPendingCalls<AcceptStatus[]>();
const acceptMany = (events: readonly IncomingEvent[]) =>
  accepts.open((id) => post({ t: 'accept', id, events: [...events] }));
const inbound: InboundSink = {
  accept: async (event) => (await acceptMany([event]))[0]!,
  acceptMany,
};

const channel = createTelegramChannel(
  spec.config,
  { inbound, logger, translator: tableTranslator(spec.texts) },
  spec.options,
);

let connected: boolean | undefined;
const reportConnection = () => {
  const now = channel.isConnected();
  if (now !== connected) post({ t: 'connected', value: now });
  connected = now;
};
setInterval(reportConnection, CONNECTED_CHECK_MS).unref();

// Answers that arrive in one turn of the event loop (the Bot API's replies to a tick's sends) go back together.
const answer = createMessageBatch<SendOutcome>(
  (flush) => setImmediate(flush),
  (outcomes) => post({ t: 'sent', outcomes }),
);

async function send(request: SendRequest) {
  try {
    const outgoing =
      typeof request.message === 'string'
        ? (JSON.parse(request.message) as OutgoingMessage)
        : request.message;
    const result = await channel.sender.send(request.chatId, outgoing, request.options);
    answer({ id: request.id, result });
  } catch (error) {
    answer({
      id: request.id,
      ...(error instanceof DeliveryError ? { failure: error.failure } : {}),
      error: errorInfo(error),
    });
  }
}

port.on('message', (message: ToThread) => {
  switch (message.t) {
    case 'send':
      for (const request of message.sends) void send(request);
      break;
    case 'accepted':
      accepts.resolve(message.id, message.statuses);
      break;
    case 'acceptFailed':
      accepts.reject(message.id, toError(message.error));
      break;
    case 'start':
      channel.start().then(
        () => {
          post({ t: 'started' });
          reportConnection();
        },
        (error: unknown) => post({ t: 'startFailed', error: errorInfo(error) }),
      );
      break;
    case 'stop':
      void channel.stop().finally(() => {
        reportConnection();
        post({ t: 'stopped' });
      });
      break;
  }
});
