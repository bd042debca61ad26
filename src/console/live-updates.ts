/**
 * Live updates for open console pages, over server-sent events. The server only says *what* changed (the queue,
 * ticket 12, the alerts); each page then re-fetches its server-rendered fragment through htmx with the usual
 * session and role checks, so nothing a user may not see travels over this channel.
 * Who has a live connection is also who is "online" for auto-assignment.
 */
import type { ServerResponse } from 'node:http';
import type { Role } from './console-store.js';

export type LiveEvent =
  | { type: 'queue' }
  | { type: 'ticket'; id: number }
  /** Supervisors: a ticket waited too long with nobody taking it. */
  | { type: 'alert'; id: number }
  /** Supervisors: a complaint came in or changed status. */
  | { type: 'complaints' };

interface Client {
  consultantId: number;
  role: Role;
  res: ServerResponse;
}

/** A comment line keeps proxies from closing an idle stream. */
const KEEP_ALIVE_MS = 25_000;

export interface LiveHub {
  /** Takes over an HTTP response as an event stream until the browser goes away. */
  attach(res: ServerResponse, who: { consultantId: number; role: Role }): void;
  publish(event: LiveEvent): void;
  /** Consultants with at least one open console page. */
  online(): Set<number>;
  /** Ends every stream (shutdown: the server cannot close while they are open). */
  closeAll(): void;
  readonly size: number;
}

export function createLiveHub(): LiveHub {
  const clients = new Set<Client>();
  let timer: NodeJS.Timeout | undefined;

  function write(client: Client, chunk: string): void {
    if (client.res.writableEnded || client.res.destroyed) {
      clients.delete(client);
      return;
    }
    client.res.write(chunk);
  }

  function ensureTimer(): void {
    if (timer || clients.size === 0) return;
    timer = setInterval(() => {
      for (const c of clients) write(c, ': keep-alive\n\n');
      if (clients.size === 0 && timer) {
        clearInterval(timer);
        timer = undefined;
      }
    }, KEEP_ALIVE_MS);
    timer.unref();
  }

  return {
    attach(res, who) {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        // nginx and similar proxies buffer responses unless told not to.
        'x-accel-buffering': 'no',
      });
      const client: Client = { ...who, res };
      clients.add(client);
      res.on('close', () => clients.delete(client));
      // Browsers reconnect by themselves after this many ms if the stream breaks.
      res.write('retry: 3000\n\n');
      ensureTimer();
    },
    publish(event) {
      const data = JSON.stringify('id' in event ? { id: event.id } : {});
      const chunk = `event: ${event.type}\ndata: ${data}\n\n`;
      for (const c of clients) {
        if ((event.type === 'alert' || event.type === 'complaints') && c.role !== 'supervisor') continue;
        write(c, chunk);
      }
    },
    online() {
      return new Set([...clients].map((c) => c.consultantId));
    },
    closeAll() {
      for (const c of clients) c.res.end();
      clients.clear();
      if (timer) clearInterval(timer);
      timer = undefined;
    },
    get size() {
      return clients.size;
    },
  };
}
