import { AUDIT_ENTITIES } from '@second-look/server-audit';
import { CASE_ENTITIES } from '@second-look/server-cases';
import { COLLABORATION_ENTITIES } from '@second-look/server-collaboration';
import { IDENTITY_ENTITIES } from '@second-look/server-identity';
import { JOB_ENTITIES } from '@second-look/server-jobs';
import { NOTE_ENTITIES } from '@second-look/server-notes';
import { NOTIFICATION_ENTITIES } from '@second-look/server-notifications';
import { RECORD_ENTITIES } from '@second-look/server-records';
import { TIMELINE_ENTITIES } from '@second-look/server-timeline';
import { APPOINTMENT_ENTITIES } from '@second-look/server-appointments';
import { OPINION_ENTITIES } from '@second-look/server-opinions';
import { PROVIDER_ENTITIES } from '@second-look/server-providers';
import { TASK_ENTITIES } from '@second-look/server-tasks';
import { INSURANCE_ENTITIES } from '@second-look/server-insurance';
import { EXPORT_ENTITIES } from '@second-look/server-exports';
import { DASHBOARD_ENTITIES } from '@second-look/server-dashboards';

/** Every entity of the product; the API, the worker, the CLI and the drift check share this list. */
export const ALL_ENTITIES = [
  ...IDENTITY_ENTITIES,
  ...CASE_ENTITIES,
  ...AUDIT_ENTITIES,
  ...JOB_ENTITIES,
  ...RECORD_ENTITIES,
  ...TIMELINE_ENTITIES,
  ...NOTIFICATION_ENTITIES,
  ...APPOINTMENT_ENTITIES,
  ...OPINION_ENTITIES,
  ...PROVIDER_ENTITIES,
  ...INSURANCE_ENTITIES,
  ...NOTE_ENTITIES,
  ...COLLABORATION_ENTITIES,
  ...EXPORT_ENTITIES,
  ...TASK_ENTITIES,
  ...DASHBOARD_ENTITIES,
];
