import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds; from a 5 ms health answer to a 10 s export. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Operation names become label values: at most this many distinct ones, the rest are `other`. */
const MAX_OPERATION_LABELS = 150;
/** The product's documents are PascalCase names (libs/contracts/src/graphql); anything else is `other`. */
const OPERATION_NAME = /^[A-Z][A-Za-z0-9]{0,63}$/;
/** A gauge's reading may not hold up a scrape longer than this (a Redis or database outage). */
const COLLECT_TIMEOUT_MS = 2000;

/**
 * The process's Prometheus metrics (docs/operations.md, "Metrics"): one registry per process
 * (not prom-client's global one, so test files may start several apps), served by
 * startMetricsServer on its own port. Labels are bounded: route patterns, operation names of at
 * most MAX_OPERATION_LABELS, error codes, queue names; never ids.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly graphqlDuration: Histogram<'operation' | 'type'>;
  readonly graphqlErrors: Counter<'code'>;
  private readonly operations = new Set<string>();

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status'],
      buckets: DURATION_BUCKETS,
      registers: [this.registry],
    });
    this.graphqlDuration = new Histogram({
      name: 'graphql_operation_duration_seconds',
      help: 'GraphQL queries and mutations by operation name and type, from parsing to the answer.',
      labelNames: ['operation', 'type'],
      buckets: DURATION_BUCKETS,
      registers: [this.registry],
    });
    this.graphqlErrors = new Counter({
      name: 'graphql_errors_total',
      help: 'Errors in GraphQL answers by code (NOT_FOUND, VALIDATION_FAILED, INTERNAL_SERVER_ERROR, ...).',
      labelNames: ['code'],
      registers: [this.registry],
    });
  }

  /** The label for an operation name: itself while names stay few and well formed, else `other`. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.operations.has(name)) return name;
    if (!OPERATION_NAME.test(name) || this.operations.size >= MAX_OPERATION_LABELS) return 'other';
    this.operations.add(name);
    return name;
  }

  /** A gauge read when scraped; `read` sets its values (a slow or failing read leaves the last ones). */
  gauge<L extends string>(name: string, help: string, labelNames: readonly L[], read: (g: Gauge<L>) => Promise<void> | void): Gauge<L> {
    return new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([Promise.resolve(read(this)).catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, COLLECT_TIMEOUT_MS)))]).finally(() => clearTimeout(timer));
      },
    });
  }

  counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
    return new Counter<L>({ name, help, labelNames, registers: [this.registry] });
  }

  histogram<L extends string>(name: string, help: string, labelNames: readonly L[], buckets = DURATION_BUCKETS): Histogram<L> {
    return new Histogram<L>({ name, help, labelNames, buckets, registers: [this.registry] });
  }
}
