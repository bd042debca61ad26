/**
 * An InboundSink for adapter tests: records every accept call, de-duplicates by platform and eventId like the core
 * does, and can be told to fail the next accepts (storage down).
 */
import type { AcceptStatus, InboundSink } from '../../src/messaging/delivery.js';
import type { IncomingEvent } from '../../src/messaging/incoming-event.js';

export class RecordingSink implements InboundSink {
  /** Every call, including duplicates and failed ones. */
  readonly calls: IncomingEvent[] = [];
  /** Events stored once each. */
  readonly events: IncomingEvent[] = [];
  readonly statuses: (AcceptStatus | 'failed')[] = [];
  /** Runs before each accept (to make storage slow in a test). */
  beforeAccept: ((event: IncomingEvent) => Promise<void>) | undefined;
  private failures = 0;
  private readonly seen = new Set<string>();

  /** The next `times` accepts throw, as a database that is down would. */
  failNext(times: number): void {
    this.failures = times;
  }

  async accept(event: IncomingEvent): Promise<AcceptStatus> {
    this.calls.push(event);
    await this.beforeAccept?.(event);
    if (this.failures > 0) {
      this.failures -= 1;
      this.statuses.push('failed');
      throw new Error('storage unavailable (injected)');
    }
    const key = `${event.platform}:${event.eventId}`;
    const status: AcceptStatus = this.seen.has(key) ? 'duplicate' : 'accepted';
    this.seen.add(key);
    if (status === 'accepted') this.events.push(event);
    this.statuses.push(status);
    return status;
  }
}

/** A sink that takes a batch in one call, all or none, as the core's does (one commit); records each batch. */
export class BatchRecordingSink extends RecordingSink {
  /** Every acceptMany call, including failed ones. */
  readonly batches: IncomingEvent[][] = [];
  private batchFailures = 0;

  /** The next `times` batches throw and store nothing. */
  failNextBatches(times: number): void {
    this.batchFailures = times;
  }

  async acceptMany(events: readonly IncomingEvent[]): Promise<AcceptStatus[]> {
    this.batches.push([...events]);
    if (this.batchFailures > 0) {
      this.batchFailures -= 1;
      throw new Error('storage unavailable (injected)');
    }
    const statuses: AcceptStatus[] = [];
    for (const event of events) statuses.push(await this.accept(event));
    return statuses;
  }
}
