import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { NextFunction, Request, Response } from 'express';
import { GraphQLError, ValidationContext } from 'graphql';
import { queryCostRule } from './query-cost';

export const GRAPHQL_LIMITS = {
  maxDepth: 8,
  /** Roughly the values an answer may carry, pages counted at the size asked for (see query-cost.ts). */
  maxCost: 5000,
  /** Operations in one batched HTTP request. */
  maxBatch: 10,
} as const;

/**
 * By default graphql-armor throws from inside validation, which Apollo treats as a crash
 * (500). Reporting through the validation context makes it an ordinary validation error.
 */
const report = { propagateOnRejection: false, onReject: [(ctx: ValidationContext | null, err: GraphQLError) => ctx?.reportError(new GraphQLError(err.message.replace(/^Syntax Error: /, '')))] };

export const graphqlValidationRules = () => [
  maxDepthRule({ n: GRAPHQL_LIMITS.maxDepth, exposeLimits: true, flattenFragments: true, ...report }),
  queryCostRule({ maxCost: GRAPHQL_LIMITS.maxCost }),
];

/**
 * Batching stays on (clients may batch) but a batch is capped, so one request cannot carry
 * hundreds of sign-in attempts or queries. Runs before Apollo sees the body.
 */
export function batchLimitMiddleware(req: Request, res: Response, next: NextFunction): void {
  if (Array.isArray(req.body) && req.body.length > GRAPHQL_LIMITS.maxBatch) {
    res.status(400).json({
      errors: [
        {
          message: `A batch may hold at most ${GRAPHQL_LIMITS.maxBatch} operations.`,
          extensions: { code: 'BATCH_TOO_LARGE' },
        },
      ],
    });
    return;
  }
  next();
}
