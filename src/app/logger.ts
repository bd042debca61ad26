/**
 * Structured JSON logs (pino). Message texts are never logged by the code; as a second line of defence every
 * field that could carry a citizen's words is redacted.
 */
import pino, { type Logger } from 'pino';

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

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'welfare-assistant' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
