import { DomainError, DomainErrorCode } from '@second-look/domain';

/**
 * The stale-save rule the case uses, for any row with a version: a save based on an older
 * version is refused with the current values, so the person can keep theirs or take the other's.
 */
export function assertFreshVersion(row: { version: number }, expectedVersion: number, what: string, current: Record<string, unknown>): void {
  if (row.version !== expectedVersion) {
    throw new DomainError(DomainErrorCode.STALE_VERSION, `Someone else changed this ${what} while you were editing. Compare their version with yours and choose which to keep.`, {
      currentVersion: row.version,
      current,
    });
  }
}
