/**
 * Starts fake-telegram-process.ts as a child process and talks to it: one request at a time, one answer each.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cpuMsOf } from './bot-process.js';
import type { AppliedSend, OfferedUpdate, PhaseOptions, PhaseResult } from './citizen-crowd.js';

export type FakeRequest =
  | { type: 'crowd'; citizens: number; firstUserId: number; dataDir: string; seed: number }
  | { type: 'wait-polling'; timeoutMs: number }
  | { type: 'phase'; options: PhaseOptions }
  | { type: 'records' }
  | { type: 'close' };

export type FakeReply =
  | { type: 'ready'; apiRoot: string; token: string }
  | { type: 'crowd-ready' }
  | { type: 'polling' }
  | { type: 'phase-done'; result: PhaseResult }
  | { type: 'records'; updates: OfferedUpdate[]; sends: AppliedSend[] }
  | { type: 'closed' }
  | { type: 'error'; message: string };

const script = fileURLToPath(new URL('./fake-telegram-process.ts', import.meta.url));

export class FakeTelegramProcess {
  private waiter: ((reply: FakeReply) => void) | undefined;
  private exited = false;

  private constructor(
    private readonly child: ChildProcess,
    readonly apiRoot: string,
    readonly token: string,
  ) {
    child.on('message', (message) => {
      const waiter = this.waiter;
      this.waiter = undefined;
      waiter?.(message as FakeReply);
    });
  }

  /** CPU time the process (the fake Bot API and the simulated citizens) has used so far, in ms. */
  cpuMs(): number {
    return (this.child.pid !== undefined ? cpuMsOf(this.child.pid) : undefined) ?? 0;
  }

  static async start(): Promise<FakeTelegramProcess> {
    const child = fork(script, [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const ready = await new Promise<FakeReply>((resolve, reject) => {
      child.once('message', (m) => resolve(m as FakeReply));
      child.once('exit', (code) => reject(new Error(`the fake Bot API exited with ${code}`)));
    });
    if (ready.type !== 'ready') throw new Error(`the fake Bot API did not start: ${JSON.stringify(ready)}`);
    const fake = new FakeTelegramProcess(child, ready.apiRoot, ready.token);
    child.on('exit', () => {
      fake.exited = true;
      fake.waiter?.({ type: 'error', message: 'the fake Bot API exited' });
    });
    return fake;
  }

  private request<T extends FakeReply['type']>(
    request: FakeRequest,
    expect: T,
  ): Promise<Extract<FakeReply, { type: T }>> {
    if (this.waiter) throw new Error('one request at a time');
    if (this.exited) throw new Error('the fake Bot API has exited');
    return new Promise((resolve, reject) => {
      this.waiter = (reply) => {
        if (reply.type === expect) resolve(reply as Extract<FakeReply, { type: T }>);
        else reject(new Error(reply.type === 'error' ? reply.message : `unexpected ${reply.type}`));
      };
      this.child.send(request);
    });
  }

  /** New citizens (user ids from firstUserId), and the fake forgets the previous bot's updates and messages. */
  async newCrowd(citizens: number, firstUserId: number, dataDir: string, seed = 42): Promise<void> {
    await this.request({ type: 'crowd', citizens, firstUserId, dataDir, seed }, 'crowd-ready');
  }

  async waitForPolling(timeoutMs: number): Promise<void> {
    await this.request({ type: 'wait-polling', timeoutMs }, 'polling');
  }

  async phase(options: PhaseOptions): Promise<PhaseResult> {
    return (await this.request({ type: 'phase', options }, 'phase-done')).result;
  }

  async records(): Promise<{ updates: OfferedUpdate[]; sends: AppliedSend[] }> {
    const { updates, sends } = await this.request({ type: 'records' }, 'records');
    return { updates, sends };
  }

  async close(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await this.request({ type: 'close' }, 'closed').catch(() => undefined);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}
