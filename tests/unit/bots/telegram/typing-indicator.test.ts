import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createTypingIndicator } from '../../../../src/bots/telegram/typing-indicator.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function indicator(perSecond = 100) {
  const shown: string[] = [];
  const typing = createTypingIndicator({
    delayMs: 1_000,
    perSecond,
    show: (chatId) => shown.push(chatId),
  });
  return { typing, shown };
}

it('shows "typing…" only in chats not answered within the delay', () => {
  const { typing, shown } = indicator();
  typing.expect('1');
  typing.expect('2');
  vi.advanceTimersByTime(400);
  typing.answered('1');
  typing.expect('3');
  vi.advanceTimersByTime(700);
  expect(shown).toEqual(['2']);
  vi.advanceTimersByTime(300);
  expect(shown).toEqual(['2', '3']);
  vi.advanceTimersByTime(5_000);
  expect(shown).toEqual(['2', '3']);
});

it('counts the wait from the first unanswered message and shows it once per wait', () => {
  const { typing, shown } = indicator();
  typing.expect('7');
  vi.advanceTimersByTime(600);
  typing.expect('7');
  vi.advanceTimersByTime(400);
  expect(shown).toEqual(['7']);
  typing.expect('7');
  vi.advanceTimersByTime(1_000);
  expect(shown).toEqual(['7', '7']);
});

it('leaves no timer behind when stopped', () => {
  const { typing, shown } = indicator();
  typing.expect('9');
  typing.stop();
  expect(vi.getTimerCount()).toBe(0);
  typing.expect('9');
  vi.advanceTimersByTime(2_000);
  expect(shown).toEqual([]);
});

it('shows at most perSecond indicators in a surge; the chats over the budget wait without one', () => {
  const { typing, shown } = indicator(5);
  for (let chat = 1; chat <= 8; chat++) typing.expect(String(chat));
  vi.advanceTimersByTime(1_000);
  expect(shown).toEqual(['1', '2', '3', '4', '5']);
  // Skipped, not postponed: no late "typing…" for them.
  vi.advanceTimersByTime(3_000);
  expect(shown).toHaveLength(5);
  // The budget came back with time.
  typing.expect('9');
  typing.expect('10');
  vi.advanceTimersByTime(1_000);
  expect(shown).toEqual(['1', '2', '3', '4', '5', '9', '10']);
});
