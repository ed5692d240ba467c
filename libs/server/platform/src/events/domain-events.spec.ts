import { EntityManager } from 'typeorm';
import { domainEvent, DomainEvents } from './domain-events';

const Moved = domainEvent<{ id: string; to: string }>('test.moved');
const Other = domainEvent<{ id: string }>('test.other');
const manager = {} as EntityManager;

describe('domain events', () => {
  it('runs the handlers of an event in the order they subscribed, with the writer’s manager', async () => {
    const events = new DomainEvents();
    const seen: string[] = [];
    events.on(Moved, async (m, p) => void seen.push(`first ${p.id} ${p.to} ${m === manager}`));
    events.on(Other, async () => void seen.push('other'));
    events.on(Moved, async (_m, p) => void seen.push(`second ${p.id}`));
    await events.emit(manager, Moved, { id: 'c1', to: 'CLOSED' });
    expect(seen).toEqual(['first c1 CLOSED true', 'second c1']);
    await events.emit(manager, domainEvent<unknown>('test.nobody'), {});
  });

  it('stops at a handler that fails, so the writer’s transaction rolls back', async () => {
    const events = new DomainEvents();
    const seen: string[] = [];
    events.on(Moved, async () => {
      throw new Error('no');
    });
    events.on(Moved, async () => void seen.push('after'));
    await expect(events.emit(manager, Moved, { id: 'c1', to: 'CLOSED' })).rejects.toThrow('no');
    expect(seen).toEqual([]);
  });
});
