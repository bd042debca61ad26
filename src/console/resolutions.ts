/** How a consultant closes a ticket: the resolution categories (labels in locales under console.resolution). */
export const RESOLUTIONS = [
  'answered',
  'referred',
  'documents',
  'complaint',
  'no_reply',
  'off_topic',
  'other',
] as const;

export type Resolution = (typeof RESOLUTIONS)[number];

export function isResolution(value: unknown): value is Resolution {
  return typeof value === 'string' && (RESOLUTIONS as readonly string[]).includes(value);
}
