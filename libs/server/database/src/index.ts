export * from './data-source-options';
export * from './snake-naming.strategy';
export * from './testing/test-database';
export { MIGRATIONS } from './migrations';
export * from './entities';
