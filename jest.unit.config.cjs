// Unit tier: pure code, no servers. `npx jest -c jest.unit.config.cjs path/to/file` runs one file.
// Component tests (`*.spec.tsx`) render web parts in happy-dom; each names that environment in a
// `@jest-environment` docblock, so the rest of the tier stays on plain Node.
module.exports = {
  ...require('./jest.preset.cjs'),
  displayName: 'unit',
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/libs/web/**/*.spec.tsx', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/tools/**/*.spec.ts'],
};
