import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { GqlContext } from '../auth/gql-context';
import { requestLogFields } from '../logging/request-logging';
import { Metrics } from './metrics';

/**
 * Apollo plugin: each query and mutation's duration by operation name (metrics), its error
 * codes (metrics and the request's log line) and, for that line, the operation's name and the
 * caller's user and organization ids. Never variables or results.
 */
export function graphqlObserverPlugin(metrics: Metrics): ApolloServerPlugin<GqlContext> {
  return {
    async requestDidStart({ contextValue }): Promise<GraphQLRequestListener<GqlContext>> {
      const started = performance.now();
      let operation: string | null = null;
      let type = 'unknown';
      return {
        async didResolveOperation(rc) {
          operation = rc.operationName ?? null;
          type = rc.operation?.operation ?? 'unknown';
        },
        async willSendResponse(rc) {
          const seconds = (performance.now() - started) / 1000;
          const label = metrics.operationLabel(operation);
          metrics.graphqlDuration.observe({ operation: label, type }, seconds);
          const body = rc.response.body;
          const errors = body.kind === 'single' ? (body.singleResult.errors ?? []) : [];
          const codes = errors.map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'UNKNOWN'));
          for (const code of codes) metrics.graphqlErrors.inc({ code });
          const req = contextValue.req as object | undefined;
          if (!req) return;
          // A batched POST carries several operations: the line names them all.
          const f = requestLogFields(req);
          const name = operation ?? 'anonymous';
          f.operation = f.operation ? `${f.operation},${name}` : name;
          f.operationType = f.operationType && f.operationType !== type ? 'mixed' : type;
          const actor = contextValue.actor;
          if (actor) {
            f.userId = actor.userId;
            f.organizationId = actor.organizationId;
          }
          if (codes.length) f.errors = [...(f.errors ?? []), ...codes];
        },
      };
    },
  };
}
