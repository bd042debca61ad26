/**
 * /forget deletes what /privacy says it deletes: the conversation, the benefit finder's kept answers and the
 * person's complaints (with their history). Checked in the database file itself, not only through the store: the
 * deleted rows must not linger in freed pages of the file (SQLite keeps them unless secure_delete is on).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/create-app.js';
import type { IncomingPayload } from '../../../src/messaging/incoming-event.js';
import { toPlainText } from '../../../src/messaging/rich-text.js';
import { translator } from '../../support/dialog-harness.js';
import { createTestApp } from '../../support/test-app.js';

let app: App | undefined;
let dir: string | undefined;
afterEach(async () => {
  await app?.stop({ flushTimeoutMs: 50 });
  app = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const USER = 'forgetme01';
/** An income nobody else types: if these digits are in the file, the answers are still there. */
const INCOME = '48 765';
const COMPLAINT = 'Потеряли заявление на субсидию, уникальная-метка-жалобы';

let seq = 0;
async function say(payload: IncomingPayload): Promise<void> {
  await app!.runner.accept({
    eventId: `fg-${++seq}`,
    platform: 'web',
    userId: USER,
    chatId: USER,
    receivedAt: Date.now(),
    ...payload,
  } as Parameters<App['runner']['accept']>[0]);
  await app!.runner.idle();
}

/** Presses the newest button whose label matches, as the person would. */
async function press(label: RegExp): Promise<void> {
  const messages = app!.store.outbox.listForChat('web', USER, 0, 500).reverse();
  for (const m of messages) {
    const button = m.message.buttons?.flat().find((b) => b.kind === 'action' && label.test(b.label));
    if (button?.kind === 'action') return say({ kind: 'button', payload: button.payload });
  }
  throw new Error(`no button ${label}`);
}

function fileBytes(path: string): string {
  const sqlite = (app!.store as unknown as { sqlite: import('better-sqlite3').Database }).sqlite;
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  let text = readFileSync(path).toString('latin1');
  try {
    text += readFileSync(`${path}-wal`).toString('latin1');
  } catch {
    // no WAL file left after the checkpoint
  }
  return text;
}

/** A UTF-8 string as it lies in the file (read as latin1). */
const bytesOf = (s: string) => Buffer.from(s, 'utf8').toString('latin1');

/** Answers the benefit finder (Perm, two in the family, INCOME) up to its result, without keeping the answers. */
async function finderToResult(): Promise<void> {
  await say({ kind: 'start' });
  await press(/Подобрать меры поддержки/);
  await press(/^Пермский край$/);
  await press(/Готово|Детей нет|Нет детей/);
  await press(/^Нет$/);
  await press(/^Двое$/);
  await say({ kind: 'text', text: INCOME });
  for (let i = 0; i < 6; i++) {
    const last = app!.store.outbox.listForChat('web', USER, 0, 500).at(-1)!;
    if (/предварительная оценка/.test(toPlainText(last.message.text))) break;
    await press(/^Нет$|^Работаю$|Пропустить/);
  }
}

describe('/forget', () => {
  it('removes the kept finder answers and the complaints from the store and from the database file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'forget-'));
    const path = join(dir, 'assistant.sqlite');
    app = await createTestApp({ databasePath: path }, { http: false });
    await app.start();
    await finderToResult();
    await press(/Сохранить мои ответы/);
    const citizen = app.store.citizens.findOrCreate('web', USER, USER, { locale: 'ru', now: Date.now() });
    const kept = JSON.stringify(app.store.dialogs.load(citizen.id)?.state);
    expect(kept).toMatch(/"kept":\{"bf":\{"code":"/);
    const code = /"code":"([^"]+)"/.exec(kept)![1]!;

    await say({ kind: 'command', command: 'complaint', args: '' });
    await press(/На работу этого помощника/);
    await say({ kind: 'text', text: COMPLAINT });
    await press(/Разобраться и ответить мне/);
    await press(/Да, можно/);
    await press(/Отправить жалобу/);
    const [complaint] = app.store.complaints.list({ citizenId: citizen.id });
    expect(complaint).toBeDefined();
    app.complaints.setComplaintStatus(complaint!.id, 'answered', 'anna', { note: 'Ответ-с-меткой' });

    const before = fileBytes(path);
    for (const secret of [code, COMPLAINT, 'Ответ-с-меткой']) expect(before).toContain(bytesOf(secret));

    await say({ kind: 'command', command: 'forget', args: '' });
    await press(/Да, удалить/);
    expect(app.store.complaints.get(complaint!.id)).toBeUndefined();
    expect(app.store.complaints.events(complaint!.id)).toEqual([]);
    const fresh = app.store.citizens.findOrCreate('web', USER, USER, { locale: 'ru', now: Date.now() });
    expect(fresh.id).not.toBe(citizen.id);
    expect(JSON.stringify(app.store.dialogs.load(fresh.id)?.state ?? {})).not.toContain('"kept"');
    // Only the goodbye is left for the chat.
    expect(app.store.outbox.listForChat('web', USER, 0, 500).map((m) => toPlainText(m.message.text))).toEqual(
      [expect.stringMatching(/ваши данные удалены/)],
    );

    const after = fileBytes(path);
    for (const secret of [code, COMPLAINT, 'Ответ-с-меткой', INCOME])
      expect(after.includes(bytesOf(secret)), secret).toBe(false);
  });

  it('keeps no copy of finder answers the person did not agree to keep, not even in the raw event log', async () => {
    dir = mkdtempSync(join(tmpdir(), 'forget-'));
    const path = join(dir, 'assistant.sqlite');
    app = await createTestApp({ databasePath: path }, { http: false });
    await app.start();
    await finderToResult();
    const sqlite = (app.store as unknown as { sqlite: import('better-sqlite3').Database }).sqlite;
    for (const [table, column] of [
      ['inbound_events', 'event'],
      ['messages', 'text'],
      ['dialog_states', 'state'],
      ['outbox', 'message'],
    ]) {
      const rows = sqlite.prepare(`SELECT ${column} AS v FROM ${table}`).all() as { v: string }[];
      expect(rows.filter((r) => r.v.includes(INCOME)).length, table).toBe(0);
    }
  });

  it.each(['ru', 'en'] as const)('is described by /privacy (%s) as it works', (locale) => {
    const privacy = translator.t(locale, 'privacy.full');
    const label = (key: string) => translator.t(locale, key).replace(/^\P{L}+/u, '');
    // The finder's own buttons, named as the person sees them.
    expect(privacy).toContain(label('finder.buttons.keep'));
    expect(privacy).toContain(label('finder.buttons.forget_saved'));
    expect(privacy).toMatch(locale === 'ru' ? /Жалобы/ : /Complaints/);
    expect(privacy).toMatch(/\/forget[^\n]*(жалобы|complaints)/);
    expect(translator.t(locale, 'forget.confirm')).toMatch(locale === 'ru' ? /жалобы/ : /complaints/);
  });
});
