import { ConfigError, loadConfig } from './app-config';

describe('configuration at boot', () => {
  it('refuses to start with one message naming everything missing or malformed', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', REDIS_URL: 'not a url' });
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toMatch(/DATABASE_URL/);
      expect(msg).toMatch(/REDIS_URL/);
      expect(msg).toMatch(/PORT/);
      expect(msg).toMatch(/README/);
    }
  });

  it('fills sensible defaults and derives production settings', () => {
    const dev = loadConfig({ DATABASE_URL: 'postgres://localhost/sl', REDIS_URL: 'redis://localhost:6379' });
    expect(dev).toMatchObject({ env: 'development', port: 3000, migrateOnStart: true, cookieSecure: false, publicUrl: 'http://localhost:3000', graphqlJit: true });
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/sl', REDIS_URL: 'redis://localhost:6379', GRAPHQL_JIT: 'false' }).graphqlJit).toBe(false);
    const prod = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/sl', REDIS_URL: 'redis://r:6379', PUBLIC_URL: 'https://care.example.org/' });
    expect(prod).toMatchObject({ isProduction: true, migrateOnStart: false, cookieSecure: true, publicUrl: 'https://care.example.org' });
  });

  it('gives a stopping process the drain plus 20 s by default, and refuses a deadline inside the drain', () => {
    const base = { DATABASE_URL: 'postgres://db/sl', REDIS_URL: 'redis://r:6379' };
    expect(loadConfig({ ...base, NODE_ENV: 'production' })).toMatchObject({ shutdownDrainMs: 5000, shutdownTimeoutMs: 25_000 });
    expect(loadConfig({ ...base, SHUTDOWN_DRAIN_MS: '1500' })).toMatchObject({ shutdownDrainMs: 1500, shutdownTimeoutMs: 21_500 });
    expect(loadConfig({ ...base, SHUTDOWN_TIMEOUT_MS: '3000' }).shutdownTimeoutMs).toBe(3000);
    expect(() => loadConfig({ ...base, SHUTDOWN_DRAIN_MS: '5000', SHUTDOWN_TIMEOUT_MS: '5000' })).toThrow(/SHUTDOWN_TIMEOUT_MS \(5000\) must be longer than SHUTDOWN_DRAIN_MS/);
    expect(() => loadConfig({ ...base, SHUTDOWN_TIMEOUT_MS: '10' })).toThrow(/SHUTDOWN_TIMEOUT_MS/);
  });

  it('never lets the movable demo clock run in production', () => {
    const base = { DATABASE_URL: 'postgres://db/sl', REDIS_URL: 'redis://r:6379' };
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', DEV_CLOCK: 'true' })).toThrow(/DEV_CLOCK/);
    expect(loadConfig({ ...base, NODE_ENV: 'production' }).devClock).toBe(false);
    expect(loadConfig({ ...base, NODE_ENV: 'development' }).devClock).toBe(true);
    expect(loadConfig({ ...base, NODE_ENV: 'test' }).devClock).toBe(false);
    expect(loadConfig({ ...base, NODE_ENV: 'test', DEV_CLOCK: 'true' }).devClock).toBe(true);
  });
});
