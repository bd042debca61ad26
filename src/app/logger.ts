/**
 * Structured JSON logs (pino) without personal data. Three lines of defence:
 * 1. the code never logs message texts (it logs kinds, ids and reasons);
 * 2. fields that could carry a citizen's words (`text`, `phone`, ...) are censored whole (REDACTED_PATHS);
 * 3. every other string that reaches a log line (the message, error messages and stacks, reasons from the
 *    platforms, nested fields) goes through `redactPersonalData`, so a phone number, СНИЛС, passport, e-mail or
 *    card number quoted by a library error never reaches the log. Identifiers (`id`, `chatId`, `outboxId`, ...)
 *    are kept as they are: they are how an operator finds a chat.
 */
import pino, { type Logger } from 'pino';
import { redactPersonalData } from '../messaging/personal-data.js';

export const REDACTED_PATHS = [
  'text',
  '*.text',
  'message.text',
  'body.text',
  'event.text',
  'phone',
  '*.phone',
  'payload.text',
];

/** Longest string kept in a log field; the rest is cut (request bodies from strangers can be megabytes). */
export const MAX_LOGGED_STRING = 2000;

/** Keys whose values are identifiers, not free text. */
const IDENTIFIER_KEY = /^(?:id|.*Ids?)$/;

function cleanString(value: string): string {
  const cut =
    value.length > MAX_LOGGED_STRING
      ? `${value.slice(0, MAX_LOGGED_STRING)}…[${value.length - MAX_LOGGED_STRING} more characters]`
      : value;
  return redactPersonalData(cut);
}

/**
 * drizzle's DrizzleQueryError puts the query's parameters (which can be a whole transcript line) into its
 * message and a `params` field: keep the SQL, drop the values.
 */
function withoutQueryParams(text: string): string {
  return text.replace(/\nparams: [\s\S]*?(?=\n {4}at |$)/, '\nparams: [not logged]');
}

function cleanValue(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return cleanString(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value) || depth > 6) return '[…]';
  seen.add(value);
  if (value instanceof Error) {
    const serialized = pino.stdSerializers.err(value) as unknown as Record<string, unknown>;
    const plain: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(serialized)) {
      if (key === 'params') continue;
      plain[key] =
        typeof field === 'string' && (key === 'message' || key === 'stack')
          ? cleanString(withoutQueryParams(field))
          : cleanValue(field, depth + 1, seen);
    }
    return plain;
  }
  if (Array.isArray(value)) return value.map((item) => cleanValue(item, depth + 1, seen));
  const plain: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    plain[key] =
      IDENTIFIER_KEY.test(key) && (typeof field === 'string' || typeof field === 'number')
        ? field
        : cleanValue(field, depth + 1, seen);
  }
  return plain;
}

/** A log call's merge object with personal data taken out of every string in it. */
export function redactLogObject(object: Record<string, unknown>): Record<string, unknown> {
  return cleanValue(object, 0, new WeakSet()) as Record<string, unknown>;
}

/**
 * The message pino would take from an error when the call gives none (`log.error(err)`, `log.warn({ err })`): it
 * goes to the line's `msg` past the formatter, so it is taken here and redacted instead.
 */
function messageFromError(args: unknown[]): string | undefined {
  const [first] = args;
  if (args.length !== 1 || first === null || typeof first !== 'object') return undefined;
  if (first instanceof Error) return first.message;
  const { msg, err } = first as { msg?: unknown; err?: { message?: unknown } };
  if (msg !== undefined || !err) return undefined;
  return typeof err.message === 'string' ? err.message : undefined;
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'welfare-assistant' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { log: redactLogObject },
      // redactLogObject has already made every error a plain object with its class as `type`; pino's own error
      // serializer, run after it, took that object for an error of class Object ("type":"Object").
      serializers: { err: (value: unknown) => value },
      hooks: {
        // The message and any printf-style arguments.
        logMethod(args, method) {
          const cleaned = args.map((arg) => (typeof arg === 'string' ? cleanString(arg) : arg));
          const message = messageFromError(args);
          if (message !== undefined) cleaned.push(cleanString(message));
          return method.apply(this, cleaned as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
