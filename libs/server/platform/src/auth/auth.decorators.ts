import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Actor, DomainError, DomainErrorCode, Role } from '@second-look/domain';
import { GqlContext } from './gql-context';

export const PUBLIC_KEY = 'sl:public';
export const ROLES_KEY = 'sl:roles';

/** The operation is open to signed-out callers (sign-in, sign-up, invitation preview). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only callers with one of these roles; everyone else gets FORBIDDEN. */
export const RequireRoles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const gqlContext = (ctx: ExecutionContext): GqlContext => GqlExecutionContext.create(ctx).getContext<GqlContext>();

/** The signed-in caller. The guard has already refused signed-out callers on non-public operations. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = gqlContext(ctx).actor;
  if (!actor) throw new DomainError(DomainErrorCode.UNAUTHENTICATED, 'Please sign in.');
  return actor;
});

/** The caller if signed in, else null (for public operations such as `me`). */
export const OptionalActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor | null => gqlContext(ctx).actor ?? null);

export const GqlCtx = createParamDecorator((_: unknown, ctx: ExecutionContext): GqlContext => gqlContext(ctx));
