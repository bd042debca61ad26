/**
 * Renders an OutgoingMessage for VK: plain text (VK shows no markup from bots), the keyboard that suits the
 * person's client, and the text split into messages of at most 4,096 characters (the keyboard goes with the
 * last one).
 */
import type { OutgoingMessage } from '../../messaging/outgoing-message.js';
import { type RichText, renderBlocks, type Span } from '../../messaging/rich-text.js';
import type { ClientCapabilities } from './client-capabilities.js';
import { splitMessage, VK_MAX_MESSAGE_LENGTH } from './split-message.js';
import { buildVkKeyboard, planKeyboard, type VkKeyboard } from './vk-keyboard.js';

export interface VkRenderedMessage {
  /** Texts of the messages to send, in order; never empty strings. */
  parts: string[];
  /** Goes with the last part. */
  keyboard?: VkKeyboard;
  /** Labels of buttons VK could not take (logged by the sender). */
  droppedButtons: string[];
}

function renderSpan(span: Span): string {
  if (!span.href) return span.text; // bold keeps its words: VK has no bold for bot messages
  const target = span.href.replace(/^tel:/, '');
  return span.text === span.href || span.text === target ? target : `${span.text}: ${target}`;
}

/** Paragraphs separated by blank lines, list items as "• " lines, links as "label: url". */
export function renderVkText(text: RichText): string {
  return renderBlocks(text, renderSpan);
}

export function renderVkMessage(
  message: OutgoingMessage,
  capabilities: ClientCapabilities | undefined,
  maxLength: number = VK_MAX_MESSAGE_LENGTH,
): VkRenderedMessage {
  const built = buildVkKeyboard(
    message.buttons ?? [],
    message.requestLocation === true,
    planKeyboard(capabilities),
  );
  let text = renderVkText(message.text);
  if (built.linksAsText.length > 0) {
    const links = built.linksAsText.map((link) =>
      link.label === link.url ? link.url : `${link.label}: ${link.url}`,
    );
    text = `${text}\n\n${links.join('\n')}`;
  }
  return {
    parts: splitMessage(text, maxLength),
    ...(built.keyboard ? { keyboard: built.keyboard } : {}),
    droppedButtons: built.dropped,
  };
}
