import { describe, expect, it } from 'vitest';
import type { FlowHandler } from '../../../src/dialogs/flows/flow-handler.js';
import {
  buttonLabels,
  DialogHarness,
  findPayload,
  replies,
  replyText,
} from '../../support/dialog-harness.js';

/** A two-step questionnaire, as a feature flow would be written. */
const survey: FlowHandler = {
  code: 'sv',
  commands: ['survey'],
  menuButtons: () => [{ kind: 'action', label: 'Опрос', payload: 'sv:start' }],
  onCommand(turn) {
    this.onButton(turn, 'start');
  },
  onButton(turn, data) {
    if (data === 'start') {
      turn.state.flow = { code: 'sv', step: 'age', data: {} };
      turn.send({ text: [{ type: 'paragraph', spans: [{ text: 'Сколько вам лет?' }] }] });
      return;
    }
    turn.stale();
  },
  onText(turn, text) {
    if (!/^\d+$/.test(text.trim())) return false;
    turn.state.flow = undefined;
    turn.send({ text: [{ type: 'paragraph', spans: [{ text: `Записал: ${text.trim()}` }] }] });
    turn.outcome({ outcome: 'other', detail: 'survey' });
    return true;
  },
  onLocation(turn) {
    turn.send({ text: [{ type: 'paragraph', spans: [{ text: 'Ближайший офис рядом' }] }] });
    return true;
  },
};

function harness() {
  const h = new DialogHarness();
  h.flows = [survey];
  return h;
}

describe('feature flows', () => {
  it('put their entries on top of the main menu and take their own buttons', () => {
    const h = harness();
    const start = h.send({ kind: 'start' });
    expect(buttonLabels(replies(start)[0])[0]).toBe('Опрос');
    h.press(findPayload(start, 'Опрос'));
    expect(h.state.flow).toEqual({ code: 'sv', step: 'age', data: {} });
    expect(replyText(h.text('42'))).toBe('Записал: 42');
    expect(h.state.flow).toBeUndefined();
  });

  it('answer their commands and locations', () => {
    const h = harness();
    h.send({ kind: 'start' });
    expect(replyText(h.send({ kind: 'command', command: 'survey', args: '' }))).toBe('Сколько вам лет?');
    expect(replyText(h.send({ kind: 'location', latitude: 58, longitude: 56 }))).toBe('Ближайший офис рядом');
  });

  it('let a new question leave the flow', () => {
    const h = harness();
    h.send({ kind: 'start' });
    h.press('sv:start');
    h.search.next = { band: 'out_of_scope', intent: 'off_topic', hits: [], confidence: 0 };
    expect(replyText(h.text('какая погода'))).toMatch(/не помогу/);
    expect(h.state.flow).toBeUndefined();
  });

  it('are left by /menu and /start', () => {
    const h = harness();
    h.send({ kind: 'start' });
    h.press('sv:start');
    h.send({ kind: 'command', command: 'menu', args: '' });
    expect(h.state.flow).toBeUndefined();
  });
});
