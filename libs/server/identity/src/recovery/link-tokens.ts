import { DomainError, DomainErrorCode } from '@second-look/domain';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { hashSecretToken } from '../auth/tokens';

/** How long a request that may or may not send an e-mail takes at least, so timing does not tell which. */
export const PUBLIC_ANSWER_FLOOR_MS = 250;

/** Waits until `floorMs` have passed since `startedAt`. */
export async function answerNoSoonerThan(startedAt: number, floorMs = PUBLIC_ANSWER_FLOOR_MS): Promise<void> {
  const left = startedAt + floorMs - Date.now();
  if (left > 0) await new Promise((r) => setTimeout(r, left));
}

export const linkInvalid = (): DomainError => new DomainError(DomainErrorCode.LINK_INVALID, 'This link has expired or was already used. Please ask for a new one.');

/**
 * The row behind an e-mailed link, locked for the rest of the transaction (single use): found by
 * the token's hash, refused when missing, already used or expired.
 */
export async function lockLinkRow<T extends ObjectLiteral & { expiresAt: Date }>(m: EntityManager, entity: EntityTarget<T>, token: string, used: (row: T) => boolean, select?: string[]): Promise<T> {
  if (!token || token.length > 100) throw linkInvalid();
  const qb = m
    .createQueryBuilder(entity, 'x')
    .setLock('pessimistic_write')
    .where('x.token_hash = :h', { h: hashSecretToken(token) });
  for (const s of select ?? []) qb.addSelect(`x.${s}`);
  const row = await qb.getOne();
  if (!row || used(row) || row.expiresAt <= new Date()) throw linkInvalid();
  return row;
}
