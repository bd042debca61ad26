/**
 * How an incoming event reads in the transcript. Locations and contacts are not kept, only that they came; phone
 * numbers, СНИЛС, passport and card numbers and e-mail addresses typed in a message are kept as tags ("[snils]"):
 * /privacy tells citizens we do not keep them, and they were stored as typed (a citizen audit). Button payloads too:
 * a forged web chat request can send a payload with them (operator audit, defect 13).
 */
import type { IncomingEvent } from '../messaging/incoming-event.js';
import { redactPersonalData } from '../messaging/personal-data.js';

/** Longest text kept for one message in the transcript. */
export const MAX_TRANSCRIPT_CHARS = 10_000;

export function describeEvent(event: IncomingEvent): string {
  switch (event.kind) {
    case 'text':
      return redactPersonalData(event.text.slice(0, MAX_TRANSCRIPT_CHARS));
    case 'start':
      return '/start';
    case 'command':
      return redactPersonalData(
        `/${event.command}${event.args ? ` ${event.args}` : ''}`.slice(0, MAX_TRANSCRIPT_CHARS),
      );
    case 'button':
      // Our buttons' payloads are short codes; a forged request's can be anything a citizen could type.
      return `[button ${redactPersonalData(event.payload.slice(0, MAX_TRANSCRIPT_CHARS))}]`;
    case 'location':
      return '[location]';
    case 'contact':
      return '[contact]';
    case 'unsupported':
      return `[${event.media}]`;
    case 'system':
      return `[system ${event.signal.type}]`;
  }
}

/** The payload of a button press as describeEvent wrote it in the transcript, for a line of kind "button". */
export function pressedPayload(line: { kind: string; text: string }): string | undefined {
  if (line.kind !== 'button') return undefined;
  return /^\[button (.+)\]$/s.exec(line.text)?.[1];
}
