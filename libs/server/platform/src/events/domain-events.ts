import { Injectable, Module } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * A typed in-process event, declared (with `domainEvent`) by the area that raises it, beside the
 * code that raises it. Its type parameter is what the event carries.
 */
export interface DomainEvent<P> {
  readonly name: string;
  /** Never set: it only carries the payload's type to `on` and `emit`. */
  readonly payload?: P;
}

export const domainEvent = <P>(name: string): DomainEvent<P> => ({ name });

/** A subscriber: it runs with the writer's transaction (`manager`). */
export type DomainEventHandler<P> = (manager: EntityManager, payload: P) => Promise<void>;

/**
 * How areas extend each other's writes without importing each other's internals: the writer
 * emits an event inside its transaction, and each subscriber's handler runs there too, in the
 * order they subscribed, so what the handlers write commits or rolls back with the change, and
 * a handler's error fails the write. Subscribers call `on` in their `onModuleInit`; search for
 * `events.on(` to find them all.
 */
@Injectable()
export class DomainEvents {
  private readonly handlers = new Map<string, DomainEventHandler<never>[]>();

  on<P>(event: DomainEvent<P>, handler: DomainEventHandler<P>): void {
    const list = this.handlers.get(event.name) ?? [];
    list.push(handler as DomainEventHandler<never>);
    this.handlers.set(event.name, list);
  }

  async emit<P>(manager: EntityManager, event: DomainEvent<P>, payload: P): Promise<void> {
    for (const handler of (this.handlers.get(event.name) ?? []) as DomainEventHandler<P>[]) await handler(manager, payload);
  }
}

/** One DomainEvents per process: Nest makes one instance of a module however many modules import it. */
@Module({ providers: [DomainEvents], exports: [DomainEvents] })
export class DomainEventsModule {}
