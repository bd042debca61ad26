/**
 * A bot under test as a child process: the assistant's production entry point (src/main.ts) or the echo bot.
 * Tracks its peak resident memory (VmHWM from /proc, Linux) and stops it with SIGTERM (graceful) or SIGKILL.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const MAIN_SCRIPT = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
/** The compiled entry point (`npm run build`), which the Docker image runs. */
export const BUILT_MAIN_SCRIPT = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
export const ECHO_SCRIPT = fileURLToPath(new URL('./echo-bot.ts', import.meta.url));

/**
 * Node options the assistant runs with in production (npm start, the Dockerfile's CMD): the heap caps, no Maglev, no
 * Sparkplug (see the Dockerfile).
 */
export const ASSISTANT_NODE_ARGS = [
  '--max-old-space-size=128',
  '--max-semi-space-size=8',
  '--no-maglev',
  '--no-sparkplug',
] as const;

/** The assistant's settings for a run against the fake: Telegram's rate limits off, nothing else changed. */
export function assistantEnv(options: {
  apiRoot: string;
  token: string;
  databasePath: string;
}): NodeJS.ProcessEnv {
  return {
    TELEGRAM_BOT_TOKEN: options.token,
    TELEGRAM_API_ROOT: options.apiRoot,
    DATABASE_URL: options.databasePath,
    // The fake is not Telegram: no need to keep to its ~1 a second per chat and 30 a second overall.
    TELEGRAM_PER_CHAT_PER_SECOND: '0',
    TELEGRAM_GLOBAL_PER_SECOND: '0',
    // The simulated citizens write again the moment they are answered (dozens of messages a minute): the flood
    // limit would answer most of them with "please wait" instead of running the assistant.
    FLOOD_MESSAGES_PER_MINUTE: '0',
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    CONSOLE_DEMO_ACCOUNT: 'false',
  };
}

/** Resident memory of a process, in bytes: now (VmRSS) and its peak so far (VmHWM). undefined once it exited. */
export function memoryOf(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) =>
      Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

/** CPU time a process has used so far (user + system), in milliseconds. undefined once it exited. */
export function cpuMsOf(pid: number): number | undefined {
  try {
    // Fields after the command name (which may hold spaces, hence the last parenthesis): utime is the 14th field.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Clock ticks of 10 ms (USER_HZ is 100 on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

export class BotProcess {
  /** The last lines it wrote (for a failure message). */
  readonly output: string[] = [];
  private peak = 0;
  private readonly sampler: NodeJS.Timeout;
  readonly exited: Promise<number | null>;

  /** When the process was started (performance.now() of the bench): a profile's samples are timed from about then. */
  readonly startedAt = performance.now();

  private constructor(readonly child: ChildProcess) {
    const keep = (chunk: Buffer) => {
      for (const line of String(chunk).split('\n')) if (line) this.output.push(line);
      if (this.output.length > 200) this.output.splice(0, this.output.length - 200);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.sampler = setInterval(() => this.sample(), 250);
    this.exited = new Promise((resolve) =>
      child.on('exit', (code) => {
        clearInterval(this.sampler);
        resolve(code);
      }),
    );
  }

  /** Starts `script` with node (TypeScript through tsx, as `npm start` does; JavaScript as it is). */
  static start(script: string, env: NodeJS.ProcessEnv, nodeArgs: string[] = []): BotProcess {
    const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
    const child = spawn(process.execPath, [...nodeArgs, ...loader, script], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new BotProcess(child);
  }

  get pid(): number {
    return this.child.pid!;
  }

  private sample(): void {
    const memory = memoryOf(this.pid);
    if (memory) this.peak = Math.max(this.peak, memory.peak);
  }

  /** CPU time used so far (ms): on a shared machine, CPU per message is steadier than messages per second. */
  cpuMs(): number {
    return cpuMsOf(this.pid) ?? 0;
  }

  /** The highest resident memory the process reached so far, in bytes. */
  peakRss(): number {
    this.sample();
    return this.peak;
  }

  /** SIGTERM, and SIGKILL if it has not exited after `timeoutMs`. Resolves with the exit code. */
  async stop(timeoutMs = 30_000): Promise<number | null> {
    this.sample();
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }

  /** kill -9: no shutdown, no flush. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }
}
