// Client operation documents. The web imports these; the server never does (they pull in urql).
export * from './types';
export * from './auth';
export * from './cases';
export * from './admin';
export * from './records';
export * from './timeline';
export * from './notifications';
export * from './jobs';
export * from './appointments';
export * from './opinions';
export * from './providers';
export * from './insurance';
export * from './notes';
export * from './live';
