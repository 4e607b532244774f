import type { DomainEventInput } from '../../src/domain/events.js';

/** Builds event streams for tests: instants as minutes after a fixed origin, ids numbered in order. */
export class Stream {
  private n = 0;
  readonly events: DomainEventInput[] = [];
  constructor(
    readonly origin = Date.parse('2026-03-02T09:00:00Z'),
    readonly prefix = 'e',
  ) {}

  at(minutes: number): string {
    return new Date(this.origin + minutes * 60_000).toISOString();
  }

  add<T extends DomainEventInput['type']>(
    type: T,
    minutes: number,
    fields: Omit<Extract<DomainEventInput, { type: T }>, 'id' | 'type' | 'at'>,
  ): this {
    this.events.push({
      id: `${this.prefix}${++this.n}`,
      type,
      at: this.at(minutes),
      ...fields,
    } as unknown as DomainEventInput);
    return this;
  }
}
