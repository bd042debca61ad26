/**
 * The queue with a fake clock: crisis first then first come first served, places and expected waits from recent
 * real waits, working hours and holidays, auto-assignment within per-consultant limits, the unattended alert.
 */
import { describe, expect, it } from 'vitest';
import {
  type ConsultantLoad,
  leastBusy,
  nextTicket,
  planAutoAssignment,
  positionForNew,
  positionOf,
  type QueueTicket,
  unattendedTickets,
  waitingOrder,
} from '../../../src/handoff/handoff-queue.js';
import { createQueueService } from '../../../src/handoff/queue-service.js';
import { estimateWaitMs, perPlaceMs, roundWaitMinutes } from '../../../src/handoff/wait-estimate.js';
import { alwaysOpen, parseWorkingHours } from '../../../src/handoff/working-hours.js';
import { createMemoryStore } from '../../../src/storage/memory-store.js';

const MIN = 60_000;
const msk = (iso: string) => Date.parse(`${iso}+03:00`);
const weekdays = parseWorkingHours({
  timezone: 'Europe/Moscow',
  week: {
    mon: '09:00-18:00',
    tue: '09:00-18:00',
    wed: '09:00-18:00',
    thu: '09:00-18:00',
    fri: '09:00-18:00',
    sat: null,
    sun: null,
  },
  holidays: ['2026-11-24'],
});

/** A fake clock that only moves when told. */
class FakeClock {
  constructor(public now: number) {}
  advance(ms: number): number {
    this.now += ms;
    return this.now;
  }
}

const t = (
  id: number,
  createdAt: number,
  priority: 'urgent' | 'normal' = 'normal',
  assignedTo: number | null = null,
) => ({ id, createdAt, priority, assignedTo }) satisfies QueueTicket;

/** A queue on Monday 23 November 2026, 10:00 Moscow time (working hours), with its store, clock and citizens. */
function queueOnMonday() {
  const store = createMemoryStore();
  const clock = new FakeClock(msk('2026-11-23T10:00:00'));
  const queue = createQueueService(store, {
    hours: weekdays,
    defaultPlaceMs: 10 * MIN,
    unattendedMs: 15 * MIN,
    autoAssign: false,
    maxPerConsultant: 2,
  });
  const citizen = (id: string) =>
    store.citizens.findOrCreate('telegram', id, id, { locale: 'ru', now: clock.now });
  return { store, clock, queue, citizen };
}

describe('queue order and places', () => {
  it('puts crisis tickets first, then the earlier ones; taken tickets leave the queue', () => {
    const clock = new FakeClock(msk('2026-11-23T10:00:00'));
    const tickets = [
      t(1, clock.now),
      t(2, clock.advance(MIN)),
      t(3, clock.advance(MIN), 'urgent'),
      t(4, clock.advance(MIN), 'normal', 7),
      t(5, clock.advance(MIN), 'urgent'),
    ];
    expect(waitingOrder(tickets).map((x) => x.id)).toEqual([3, 5, 1, 2]);
    expect(nextTicket(tickets)?.id).toBe(3);
    expect(positionOf(tickets, 1)).toBe(3);
    expect(positionOf(tickets, 4)).toBeUndefined();
    // A new ticket: a normal one goes last, an urgent one behind the urgent ones only.
    expect(positionForNew(tickets, 'normal')).toBe(5);
    expect(positionForNew(tickets, 'urgent')).toBe(3);
  });

  it('keeps arrival order for tickets of the same millisecond', () => {
    const now = msk('2026-11-23T10:00:00');
    expect(waitingOrder([t(9, now), t(8, now)]).map((x) => x.id)).toEqual([8, 9]);
  });

  it('counts places as the queue order has them, for a surge of tickets in any order (counted, not sorted)', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const base = msk('2026-11-23T10:00:00');
    const tickets = Array.from({ length: 500 }, (_, i) =>
      t(
        1000 - i,
        base + Math.floor(random() * 50) * MIN,
        random() < 0.1 ? 'urgent' : 'normal',
        random() < 0.3 ? 7 : null,
      ),
    );
    const order = waitingOrder(tickets);
    for (const ticket of tickets) {
      const index = order.findIndex((x) => x.id === ticket.id);
      expect(positionOf(tickets, ticket.id)).toBe(index < 0 ? undefined : index + 1);
    }
    expect(positionForNew(tickets, 'normal')).toBe(order.length + 1);
    expect(positionForNew(tickets, 'urgent')).toBe(order.filter((x) => x.priority === 'urgent').length + 1);
  });
});

describe('expected wait', () => {
  it('uses the median time one place took recently, the default without enough history', () => {
    expect(perPlaceMs([], 10 * MIN)).toBe(10 * MIN);
    expect(
      perPlaceMs(
        [
          { waitedMs: 4 * MIN, positionAtOpen: 1 },
          { waitedMs: 12 * MIN, positionAtOpen: 3 },
          { waitedMs: 30 * MIN, positionAtOpen: 1 },
        ],
        10 * MIN,
      ),
    ).toBe(4 * MIN);
    expect(roundWaitMinutes(3.2 * MIN)).toBe(4);
    expect(roundWaitMinutes(23 * MIN)).toBe(25);
    expect(roundWaitMinutes(100 * MIN)).toBe(105);
  });

  it('runs over the closing time into the next working day', () => {
    const at = msk('2026-11-23T17:50:00');
    expect(estimateWaitMs(2, 10 * MIN, weekdays, at)).toBe(msk('2026-11-25T09:10:00') - at); // 24th is a holiday
    expect(estimateWaitMs(3, 10 * MIN, alwaysOpen(), at)).toBe(30 * MIN);
  });

  it('the queue service tells a citizen their place and wait, from real waits, as the clock moves', () => {
    const { store, clock, queue, citizen } = queueOnMonday();
    // Three earlier tickets at places 1, 2 and 3, taken after 2, 4 and 6 minutes: two minutes a place.
    for (const [i, place] of [1, 2, 3].entries()) {
      const h = store.handoffs.open(citizen(`old${i}`).id, 'user_request', 'normal', clock.now, place);
      store.handoffs.assign(h.id, 1, clock.now + 2 * place * MIN);
      store.handoffs.setStatus(h.id, 'closed', clock.now + 7 * MIN);
    }
    clock.advance(10 * MIN);
    const anna = citizen('anna');
    const boris = citizen('boris');
    expect(queue.citizenInfo(anna.id, clock.now).forNew.normal).toEqual({ position: 1, waitMs: 2 * MIN });
    store.handoffs.open(anna.id, 'user_request', 'normal', clock.now, 1);
    store.handoffs.open(boris.id, 'user_request', 'normal', clock.advance(MIN), 2);
    const info = queue.citizenInfo(boris.id, clock.now);
    expect(info.own).toMatchObject({ taken: false, place: { position: 2, waitMs: 4 * MIN } });
    expect(info.hours).toMatchObject({ open: true, timeZone: 'Europe/Moscow' });
    // A crisis comes in: Boris is third now.
    store.handoffs.open(citizen('crisis').id, 'crisis', 'urgent', clock.advance(MIN), 1);
    expect(queue.citizenInfo(boris.id, clock.now).own?.place?.position).toBe(3);
    // Anna is taken: Boris moves up; Anna is told a consultant has her ticket.
    store.handoffs.assign(store.handoffs.openFor(anna.id)!.id, 5, clock.now);
    expect(queue.citizenInfo(boris.id, clock.now).own?.place?.position).toBe(2);
    expect(queue.citizenInfo(anna.id, clock.now).own).toMatchObject({ taken: true });
    expect(queue.citizenInfo(anna.id, clock.now).own?.place).toBeUndefined();
  });

  it('a transfer is not part of the wait: the estimate goes by when a consultant first took each ticket', () => {
    const { store, clock, queue, citizen } = queueOnMonday();
    // Three tickets, each next in the queue and taken after 2 minutes; a consultant hands each on to a colleague
    // half an hour later. The citizens waited 2 minutes, not 32.
    for (const i of [0, 1, 2]) {
      const opened = clock.advance(MIN);
      const h = store.handoffs.open(citizen(`old${i}`).id, 'user_request', 'normal', opened, 1);
      store.handoffs.assign(h.id, 1, opened + 2 * MIN, { onlyIfWaiting: true });
      store.handoffs.assign(h.id, 2, opened + 32 * MIN);
    }
    // A fourth, taken later than the others were first taken but before their transfers: it is one of the most
    // recent takes, whatever the transfers did since.
    const later = store.handoffs.open(citizen('later').id, 'user_request', 'normal', clock.advance(MIN), 1);
    store.handoffs.assign(later.id, 1, clock.now + 2 * MIN, { onlyIfWaiting: true });
    clock.advance(60 * MIN);
    expect(store.handoffs.get(later.id)?.takenAt).toBe(clock.now - 58 * MIN);
    expect(queue.citizenInfo(citizen('anna').id, clock.now).forNew.normal).toEqual({
      position: 1,
      waitMs: 2 * MIN,
    });
  });

  it('out of hours says when consultants open, holidays skipped', () => {
    const { queue } = queueOnMonday();
    const monday = msk('2026-11-23T20:00:00');
    const info = queue.citizenInfo(1, monday);
    expect(info.hours).toMatchObject({ open: false, opensAt: msk('2026-11-25T09:00:00') });
    expect(info.forNew.normal.waitMs).toBe(msk('2026-11-25T09:10:00') - monday);
  });
});

describe('assignment', () => {
  const c = (id: number, open: number, extra: Partial<ConsultantLoad> = {}): ConsultantLoad => ({
    id,
    online: true,
    available: true,
    open,
    limit: 2,
    ...extra,
  });

  it('gives a ticket to the least busy online, available consultant under the limit', () => {
    expect(leastBusy([c(1, 1), c(2, 0), c(3, 0, { online: false })])?.id).toBe(2);
    expect(leastBusy([c(1, 2), c(2, 2)])).toBeUndefined();
    expect(leastBusy([c(1, 0, { available: false }), c(2, 1)])?.id).toBe(2);
    // Equal loads: the one who got a ticket longest ago.
    expect(leastBusy([c(1, 1, { lastAssignedAt: 200 }), c(2, 1, { lastAssignedAt: 100 })])?.id).toBe(2);
  });

  it('plans auto-assignment in queue order until every consultant is at the limit', () => {
    const now = msk('2026-11-23T10:00:00');
    const tickets = [
      t(1, now),
      t(2, now + 1),
      t(3, now + 2, 'urgent'),
      t(4, now + 3),
      t(5, now + 4),
      t(6, now + 5),
    ];
    const plan = planAutoAssignment(tickets, [c(10, 1), c(20, 0), c(30, 0, { limit: 1 })], now);
    expect(plan).toEqual([
      { ticketId: 3, consultantId: 20 },
      { ticketId: 1, consultantId: 30 },
      { ticketId: 2, consultantId: 10 },
      { ticketId: 4, consultantId: 20 },
    ]);
    expect(planAutoAssignment(tickets, [c(1, 0, { online: false })], now)).toEqual([]);
  });
});

describe('the unattended alert', () => {
  it('fires once per ticket after the configured working time, not over the night', () => {
    const clock = new FakeClock(msk('2026-11-23T17:55:00'));
    const tickets: QueueTicket[] = [t(1, clock.now), t(2, clock.now, 'normal', 3)];
    expect(unattendedTickets(tickets, clock.advance(10 * MIN), 15 * MIN, weekdays)).toEqual([]);
    // 18:05: only five working minutes; the next morning (the 24th is a holiday) at 09:09: 14 minutes.
    expect(unattendedTickets(tickets, msk('2026-11-25T09:09:00'), 15 * MIN, weekdays)).toEqual([]);
    expect(
      unattendedTickets(tickets, msk('2026-11-25T09:10:00'), 15 * MIN, weekdays).map((x) => x.id),
    ).toEqual([1]);
    // Already alerted, or taken: no second alert.
    expect(
      unattendedTickets([{ ...tickets[0]!, alertedAt: 1 }], msk('2026-11-25T12:00:00'), 15 * MIN, weekdays),
    ).toEqual([]);
  });
});
