/**
 * What of an error may be written to a log line. A database error carries the statement's
 * parameters (TypeORM's QueryFailedError), PostgreSQL's `detail` ("Key (email)=(…) already
 * exists") and often a message quoting a value ('invalid input syntax for type uuid: "…"');
 * TypeORM's own errors quote the search criteria. Those are patient data, so of them only the
 * kind and the codes are kept: the SQLSTATE, the constraint, the table and the column. Other
 * errors keep their message and stack, which our code writes without patient data.
 */
export interface SafeError {
  type: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  message?: string;
  stack?: string;
}

/** TypeORM's errors (they all extend TypeORMError) and the pg driver's DatabaseError. */
const DATABASE_ERRORS = new Set([
  'QueryFailedError',
  'EntityNotFoundError',
  'EntityPropertyNotFoundError',
  'UpdateValuesMissingError',
  'CannotCreateEntityIdMapError',
  'TypeORMError',
  'DatabaseError',
]);

export function isDatabaseError(e: object): boolean {
  if ('driverError' in e || 'parameters' in e) return true;
  const name = (e as { name?: unknown }).name;
  if (typeof name === 'string' && DATABASE_ERRORS.has(name)) return true;
  // pg's DatabaseError: a SQLSTATE code with a severity and the server routine that raised it.
  return 'severity' in e && 'routine' in e;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v ? v.slice(0, 200) : undefined);

export function safeError(e: unknown): SafeError {
  if (!e || typeof e !== 'object') return { type: typeof e };
  const err = e as Record<string, unknown>;
  // Already reduced (safeError's result, or pino's standard error serializer's copy): its known
  // fields, nothing else; of a database error, still only its codes.
  if (Object.getPrototypeOf(e) === Object.prototype && typeof err.type === 'string' && !('name' in err)) {
    const out: SafeError = { type: err.type };
    const database = DATABASE_ERRORS.has(err.type) || 'driverError' in err || 'parameters' in err;
    for (const key of ['code', 'constraint', 'table', 'column', ...(database ? [] : (['message', 'stack'] as const))] as const) if (typeof err[key] === 'string') out[key] = err[key];
    return out;
  }
  const type = (typeof err.name === 'string' && err.name) || e.constructor?.name || 'Error';
  if (isDatabaseError(e)) {
    const driver = (err.driverError && typeof err.driverError === 'object' ? err.driverError : err) as Record<string, unknown>;
    const out: SafeError = { type };
    const code = text(driver.code) ?? text(err.code);
    if (code) out.code = code;
    for (const key of ['constraint', 'table', 'column'] as const) {
      const v = text(driver[key]);
      if (v) out[key] = v;
    }
    return out;
  }
  const out: SafeError = { type };
  if (typeof err.code === 'string') out.code = err.code.slice(0, 100);
  if (typeof err.message === 'string') out.message = err.message.slice(0, 1000);
  if (typeof err.stack === 'string') out.stack = err.stack;
  // An error's cause may be a database error: the same rule, one level down.
  if (err.cause && typeof err.cause === 'object' && isDatabaseError(err.cause)) return { ...out, message: `${out.message ?? ''} (cause: ${JSON.stringify(safeError(err.cause))})` };
  return out;
}

/** One line for a human: `QueryFailedError 23505 on patient_case (uq_x)`, `TypeError: …`. */
export function describeSafely(e: unknown): string {
  const s = safeError(e);
  if (s.message === undefined) return [s.type, s.code, s.table && `on ${s.table}`, s.column && `column ${s.column}`, s.constraint && `(${s.constraint})`].filter(Boolean).join(' ');
  return `${s.type}: ${s.message}`;
}
