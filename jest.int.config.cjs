// Integration tier: real PostgreSQL and Redis (DATABASE_URL / REDIS_URL, see tools/test).
// Each test file creates and drops its own database, so files never share state.
module.exports = {
  ...require('./jest.preset.cjs'),
  displayName: 'integration',
  testMatch: ['<rootDir>/libs/**/*.int-spec.ts', '<rootDir>/apps/**/*.int-spec.ts'],
  testTimeout: 60000,
};
