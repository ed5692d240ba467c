import { Logger } from '@nestjs/common';
import { SafeQueryLogger } from './safe-query-logger';

describe('SafeQueryLogger', () => {
  it('logs the statement and error code of a failed query, never its parameters', () => {
    const spy = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const error = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    new SafeQueryLogger().logQueryError(error, 'INSERT INTO "app_user"("email") VALUES ($1)', ['maria.lopez@example.org']);
    const logged = spy.mock.calls.map((c) => String(c[0])).join('\n');
    expect(logged).toContain('23505');
    expect(logged).toContain('INSERT INTO "app_user"');
    expect(logged).not.toContain('maria.lopez');
    spy.mockRestore();
  });
});
