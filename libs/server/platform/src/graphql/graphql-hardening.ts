import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
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
 * What one request may carry, all its operations together: a batch of ten shares one budget,
 * so it cannot multiply the work of one operation by ten. The client's biggest document (the
 * case events subscription) is under 200 tokens and none of its documents uses an alias or a
 * directive (libs/contracts/src/graphql; operations.spec.ts keeps them inside these numbers).
 */
export const REQUEST_BUDGET = {
  maxTokens: 2000,
  maxAliases: 20,
  maxDirectives: 10,
} as const;

/**
 * By default graphql-armor throws from inside validation, which Apollo treats as a crash
 * (500). Reporting through the validation context makes it an ordinary validation error.
 */
const report = { propagateOnRejection: false, onReject: [(ctx: ValidationContext | null, err: GraphQLError) => ctx?.reportError(new GraphQLError(err.message.replace(/^Syntax Error: /, '')))] };

export const graphqlValidationRules = () => [
  maxDepthRule({ n: GRAPHQL_LIMITS.maxDepth, exposeLimits: true, flattenFragments: true, ...report }),
  queryCostRule({ maxCost: GRAPHQL_LIMITS.maxCost }),
  maxAliasesRule({ n: REQUEST_BUDGET.maxAliases, exposeLimits: true, ...report }),
  maxDirectivesRule({ n: REQUEST_BUDGET.maxDirectives, exposeLimits: true, ...report }),
];
