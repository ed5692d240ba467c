import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { DomainError, DomainErrorCode } from '@second-look/domain';

/** GraphQL arguments (@nestjs/graphql's GqlParamtype.ARGS) and a REST route's body, query and params. */
const INPUT_TYPES = new Set<unknown>([3, 'body', 'query', 'param']);

/**
 * Text that cannot be stored or checked: a NUL character (PostgreSQL refuses it in text), or
 * a broken UTF-16 sequence, a lone surrogate (no UTF-8 spelling exists for it, and the e-mail
 * check of class-validator throws on one).
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unsavable = (s: string): boolean => s.includes('\u0000') || LONE_SURROGATE.test(s);

/** Where in `value` a string holds unsavable text, as a dotted path; null when none does. */
export function findUnsavableText(value: unknown, path: string): string | null {
  if (typeof value === 'string') return unsavable(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findUnsavableText(value[i], `${path}.${i}`);
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      const hit = findUnsavableText(v, path ? `${path}.${k}` : k);
      if (hit) return hit;
    }
  }
  return null;
}

/**
 * A NUL character in any text reached PostgreSQL and came back as an internal error. Every
 * input is checked at the edge instead, before any resolver or controller runs, and refused
 * with a validation code naming the field. Installed as the first global pipe
 * (apps/api/src/bootstrap.ts), so it covers every argument of every operation, over HTTP and
 * the live socket, and new ones without a change here.
 */
@Injectable()
export class RefuseUnsavableTextPipe implements PipeTransform {
  transform(value: unknown, meta: ArgumentMetadata): unknown {
    if (!INPUT_TYPES.has(meta.type)) return value;
    const at = findUnsavableText(value, meta.data ?? '');
    if (at !== null) {
      throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'This text has a hidden or broken character that cannot be saved. Please remove it and try again.', {
        field: at,
        reason: 'UNSAVABLE_TEXT',
      });
    }
    return value;
  }
}
