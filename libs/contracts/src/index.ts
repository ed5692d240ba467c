export * from './queues';
export * from './page-sizes';
