import { Initial1795320028484 } from './1795320028484-Initial';
import { AuditAppendOnly1795320028485 } from './1795320028485-AuditAppendOnly';
import { RecordsPacketRequests1795321729621 } from './1795321729621-RecordsPacketRequests';
import { TransactionalOutbox1795322495418 } from './1795322495418-TransactionalOutbox';
import { CaseStageHistoryAndTimeline1795323260258 } from './1795323260258-CaseStageHistoryAndTimeline';
import { NotificationsAndReminders1795323705613 } from './1795323705613-NotificationsAndReminders';
import { BoardCoveringIndex1795326000000 } from './1795326000000-BoardCoveringIndex';
import { JobEffectLedger1795340000000 } from './1795340000000-JobEffectLedger';
import { OutboxSubject1795340000001 } from './1795340000001-OutboxSubject';
import { NotificationPreferencesAndReminderSettings1795345000000 } from './1795345000000-NotificationPreferencesAndReminderSettings';
import { JourneyProvidersInsurance1795350000000 } from './1795350000000-JourneyProvidersInsurance';
import { JourneyAppointmentsOpinions1795355000000 } from './1795355000000-JourneyAppointmentsOpinions';
import { CaseActivity1795360000000 } from './1795360000000-CaseActivity';
import { CaseNotes1795365000000 } from './1795365000000-CaseNotes';
import { AppointmentCancelled1795370000000 } from './1795370000000-AppointmentCancelled';
import { OutboxPendingQueue1795380000000 } from './1795380000000-OutboxPendingQueue';
import { AppointmentReminderSettings1795417263914 } from './1795417263914-AppointmentReminderSettings';
import { Languages1795490000000 } from './1795490000000-Languages';
import { RecordRequestLetterLanguage1795530000000 } from './1795530000000-RecordRequestLetterLanguage';
import { RecordRequestSetAsideLetter1795775000000 } from './1795775000000-RecordRequestSetAsideLetter';
import { RowLevelSecurityContextPlpgsql1795780000000 } from './1795780000000-RowLevelSecurityContextPlpgsql';
import { DashboardStageMoveWriteCost1795790000000 } from './1795790000000-DashboardStageMoveWriteCost';
import { CaseListIndexes1795800000000 } from './1795800000000-CaseListIndexes';
import { CaseListNameAndNextDue1795810000000 } from './1795810000000-CaseListNameAndNextDue';
import { SessionLookupSetsScope1795820000000 } from './1795820000000-SessionLookupSetsScope';
import { SignInRecovery1795540000000 } from './1795540000000-SignInRecovery';
import { CalendarFeeds1795610000000 } from './1795610000000-CalendarFeeds';
import { RecordBoardCounts1795730000000 } from './1795730000000-RecordBoardCounts';
import { DashboardRequestStatementTriggers1795730000001 } from './1795730000001-DashboardRequestStatementTriggers';
import { RecordBoardCountRowLevelSecurity1795740000000 } from './1795740000000-RecordBoardCountRowLevelSecurity';
import { ClientImportRuns1795750000000 } from './1795750000000-ClientImportRuns';
import { CaseMemberRowLevelSecurity1795760000000 } from './1795760000000-CaseMemberRowLevelSecurity';
import { RecordRequestCountsWriteCost1795770000000 } from './1795770000000-RecordRequestCountsWriteCost';
import { SignInFactors1795670000000 } from './1795670000000-SignInFactors';
import { RowLevelSecurity1795710000000 } from './1795710000000-RowLevelSecurity';
import { InsuranceNetworkType1795640000000 } from './1795640000000-InsuranceNetworkType';
import { CaseTasks1795641000000 } from './1795641000000-CaseTasks';
import { DashboardRollup1795630000000 } from './1795630000000-DashboardRollup';
import { SearchTrigramIndexes1795650000000 } from './1795650000000-SearchTrigramIndexes';
import { ClientImport1795650000001 } from './1795650000001-ClientImport';

// Every schema change, in order. Each has an `up` and a `down`.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [
  Initial1795320028484,
  AuditAppendOnly1795320028485,
  RecordsPacketRequests1795321729621,
  TransactionalOutbox1795322495418,
  CaseStageHistoryAndTimeline1795323260258,
  NotificationsAndReminders1795323705613,
  BoardCoveringIndex1795326000000,
  JobEffectLedger1795340000000,
  OutboxSubject1795340000001,
  NotificationPreferencesAndReminderSettings1795345000000,
  JourneyProvidersInsurance1795350000000,
  JourneyAppointmentsOpinions1795355000000,
  CaseActivity1795360000000,
  CaseNotes1795365000000,
  AppointmentCancelled1795370000000,
  OutboxPendingQueue1795380000000,
  AppointmentReminderSettings1795417263914,
  Languages1795490000000,
  RecordRequestLetterLanguage1795530000000,
  SignInRecovery1795540000000,
  CalendarFeeds1795610000000,
  DashboardRollup1795630000000,
  InsuranceNetworkType1795640000000,
  CaseTasks1795641000000,
  SearchTrigramIndexes1795650000000,
  ClientImport1795650000001,
  SignInFactors1795670000000,
  RowLevelSecurity1795710000000,
  RecordBoardCounts1795730000000,
  DashboardRequestStatementTriggers1795730000001,
  RecordBoardCountRowLevelSecurity1795740000000,
  ClientImportRuns1795750000000,
  CaseMemberRowLevelSecurity1795760000000,
  RecordRequestCountsWriteCost1795770000000,
  RecordRequestSetAsideLetter1795775000000,
  RowLevelSecurityContextPlpgsql1795780000000,
  DashboardStageMoveWriteCost1795790000000,
  CaseListIndexes1795800000000,
  CaseListNameAndNextDue1795810000000,
  SessionLookupSetsScope1795820000000,
];
