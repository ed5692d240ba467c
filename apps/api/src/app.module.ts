import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { APP_FILTER } from '@nestjs/core';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { AuditModule } from '@second-look/server-audit';
import { CasesModule } from '@second-look/server-cases';
import { CollaborationModule, LiveConnections } from '@second-look/server-collaboration';
import { appDatabaseModule, DatabaseMetrics, ReadinessService } from '@second-look/server-database';
import { IdentityModule } from '@second-look/server-identity';
import { JobsApiModule, JobsModule } from '@second-look/server-jobs';
import { RecordsModule } from '@second-look/server-records';
import { TimelineModule } from '@second-look/server-timeline';
import { AppointmentsModule } from '@second-look/server-appointments';
import { OpinionsModule } from '@second-look/server-opinions';
import { ProvidersModule } from '@second-look/server-providers';
import { DashboardsModule } from '@second-look/server-dashboards';
import { InsuranceModule } from '@second-look/server-insurance';
import { NotificationsApiModule } from '@second-look/server-notifications';
import { NotesModule } from '@second-look/server-notes';
import { VisitPacketModule } from '@second-look/server-visit-packet';
import { ExportsModule } from '@second-look/server-exports';
import { TasksModule } from '@second-look/server-tasks';
import { SearchModule } from '@second-look/server-search';
import {
  answerPreresolvedFields,
  AppConfig,
  ClockModule,
  ConfigModule,
  formatGraphqlError,
  GqlContext,
  GraphqlErrorPassThrough,
  graphqlObserverPlugin,
  graphqlValidationRules,
  jitExecutionPlugin,
  Metrics,
  ObservabilityModule,
  ReadReplicaModule,
  readYourWritesPlugin,
  RecentWrites,
  RedisModule,
  RootLogger,
} from '@second-look/server-platform';
import type { Request, Response } from 'express';
import { join } from 'node:path';
import { HealthController } from './health.controller';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, root: RootLogger, metrics: Metrics): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ObservabilityModule.forRoot(root, metrics),
        ClockModule,
        RedisModule,
        ReadReplicaModule,
        appDatabaseModule(config),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [CollaborationModule],
          inject: [LiveConnections, RecentWrites],
          useFactory: (live: LiveConnections, recent: RecentWrites): ApolloDriverConfig => ({
            // Apollo stops after the HTTP server has closed, not before the shutdown drain
            // (HealthController), so requests answered while draining still reach GraphQL.
            stopOnApplicationShutdown: true,
            // In development the schema is written out for the web client and for review.
            autoSchemaFile: config.env === 'development' ? join(process.cwd(), 'libs/contracts/src/schema.gql') : true,
            sortSchema: true,
            playground: false,
            // No cache hints are used (every answer is private to its caller), and the default
            // cache-control plugin hooks every resolved field.
            plugins: [
              ApolloServerPluginLandingPageDisabled(),
              ApolloServerPluginCacheControlDisabled(),
              graphqlObserverPlugin(metrics),
              readYourWritesPlugin(recent),
              // Queries and mutations run compiled (graphql-jit); GRAPHQL_JIT=false leaves them to graphql-js.
              ...(config.graphqlJit ? [jitExecutionPlugin({ formatError: formatGraphqlError })] : []),
            ],
            introspection: !config.isProduction,
            csrfPrevention: true,
            allowBatchedHttpRequests: true,
            includeStacktraceInErrorResponses: false,
            // No "Did you mean …?" in production: with introspection off it still named fields.
            hideSchemaDetailsFromClientErrors: config.isProduction,
            validationRules: graphqlValidationRules(),
            formatError: formatGraphqlError,
            // formatGraphqlError is the one formatter (it reads Nest's exceptions itself), so both executors answer alike.
            autoTransformHttpErrors: false,
            transformSchema: answerPreresolvedFields,
            // HTTP operations carry req/res; operations over the live socket carry graphql-ws's context.
            context: (arg: { req?: Request; res?: Response; extra?: unknown }): GqlContext =>
              arg.req ? { req: arg.req, res: arg.res as Response } : live.context(arg as Parameters<LiveConnections['context']>[0]),
            // Subscriptions over graphql-ws on the same path and cookie as HTTP (see LiveConnections).
            subscriptions: { 'graphql-ws': live.graphqlWsOptions() as never },
          }),
        }),
        AuditModule,
        JobsModule,
        JobsApiModule,
        IdentityModule,
        CollaborationModule,
        CasesModule,
        RecordsModule,
        TimelineModule,
        AppointmentsModule,
        OpinionsModule,
        ProvidersModule,
        DashboardsModule,
        InsuranceModule,
        NotificationsApiModule,
        NotesModule,
        VisitPacketModule,
        ExportsModule,
        TasksModule,
        SearchModule,
      ],
      controllers: [HealthController],
      // Resolver errors reach formatGraphqlError alone: one answer, one safe log line for the unexpected.
      providers: [ReadinessService, DatabaseMetrics, { provide: APP_FILTER, useClass: GraphqlErrorPassThrough }],
    };
  }
}
