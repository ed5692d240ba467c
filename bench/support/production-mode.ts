// Imported first by the benchmark, before anything that loads graphql or Nest: libraries
// read NODE_ENV when they load (graphql-js, for one, swaps its plain `instanceof` for a
// slower cross-realm check outside production). The API is measured as it runs in
// production (the Dockerfile sets NODE_ENV=production); BENCH_NODE_ENV=test compares.
process.env.NODE_ENV = process.env.BENCH_NODE_ENV || 'production';

export const NODE_ENV = process.env.NODE_ENV as 'production' | 'test' | 'development';
