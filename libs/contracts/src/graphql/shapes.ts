/**
 * Names for the parts of operation results that components pass around (a case's detail, a
 * packet item, a board row). Each is a path into a generated result type (generated.ts), never
 * a shape written by hand, so a field the server renames or a document stops selecting
 * disappears here too and the compiler points at every component that still reads it.
 */
import type {
  AddProviderCandidateInput,
  CaseActivityQueryData,
  CaseAppointmentsQueryData,
  CaseEventsSubscriptionData,
  CaseInsuranceQueryData,
  CaseNoteQueryData,
  CaseOpinionsQueryData,
  CasePresenceSubscriptionData,
  CaseProvidersQueryData,
  CaseQueryData,
  CaseRecordsQueryData,
  CaseTasksQueryData,
  CasesQueryData,
  CaseTimelineQueryData,
  DoctorScriptsQueryData,
  JobsHealthQueryData,
  MembersQueryData,
  MeQueryData,
  MyDayQueryData,
  NotificationsQueryData,
  RecordBoardQueryData,
  RecordHoldersQueryData,
  ReminderSettingsQueryData,
} from './generated';

/** One element of a list type. */
type Item<T> = T extends ReadonlyArray<infer U> ? U : never;

export type Viewer = NonNullable<MeQueryData['me']>;
export type User = Item<MembersQueryData['members']>;

export type CaseSummary = Item<CasesQueryData['cases']['nodes']>;
export type PageInfo = CasesQueryData['cases']['pageInfo'];
export type CaseDetail = CaseQueryData['case'];

export type CaseRecords = CaseRecordsQueryData['case'];
export type PacketItem = Item<CaseRecords['packet']>;
export type CaseDocument = Item<PacketItem['documents']>;
export type RecordRequest = Item<CaseRecords['recordRequests']>;
export type ClockReading = RecordRequest['target'];
export type RecordHolder = Item<RecordHoldersQueryData['recordHolders']>;
export type RecordBoard = RecordBoardQueryData['recordBoard'];
/** A request as the coordinator board lists it: what a row shows and its actions need, with its case. */
export type BoardRecordRequest = Item<RecordBoard['requests']['nodes']>;
/** What the request actions read: both a case page's request and a board row have it. */
export type ActionableRecordRequest = Pick<BoardRecordRequest, 'id' | 'version' | 'sentOn' | 'holderReceivedOn' | 'extensionReason' | 'completedOn' | 'feeCents' | 'legal' | 'items' | 'holder'>;

export type CaseTimeline = CaseTimelineQueryData['case']['timeline'];
export type TimelinePhase = Item<CaseTimeline['phases']>;

export type CaseAppointments = CaseAppointmentsQueryData['case'];
export type CaseQuestion = Item<CaseAppointments['questions']>;
export type Appointment = Item<CaseAppointments['appointments']>;
export type OwnTimelineEntry = Item<CaseAppointments['ownTimeline']>;

export type CaseProviders = CaseProvidersQueryData['case'];
export type ProviderCandidate = Item<CaseProviders['providerCandidates']>;
/** The candidate fields the add and edit forms share. */
export type CandidateFieldsInput = Omit<AddProviderCandidateInput, 'caseId' | 'directoryEntryId'>;
export type DoctorScript = Item<DoctorScriptsQueryData['doctorScripts']>;

export type InsuranceCheck = NonNullable<CaseInsuranceQueryData['case']['insuranceCheck']>;
export type InsurancePlan = NonNullable<InsuranceCheck['plan']>;
export type InsuranceCall = Item<InsuranceCheck['calls']>;

export type CaseOpinions = CaseOpinionsQueryData['case'];
export type Opinion = Item<CaseOpinions['opinions']>;

export type CaseNote = CaseNoteQueryData['caseNote'];
export type CaseEvent = CaseEventsSubscriptionData['caseEvents'];
export type CasePresence = Item<CasePresenceSubscriptionData['casePresence']>;
export type CaseActivityLine = Item<CaseActivityQueryData['case']['activity']['nodes']>;

export type AppNotification = Item<NotificationsQueryData['notifications']['nodes']>;
export type ReminderSettings = ReminderSettingsQueryData['reminderSettings'];

export type JobsHealth = JobsHealthQueryData['jobsHealth'];
export type QueueHealth = Item<JobsHealth['queues']>;
export type FailedJob = Item<JobsHealth['failedJobs']>;

/** A task as the case's tasks panel and the patient's "What to do next" show it. */
export type CaseTaskItem = Item<CaseTasksQueryData['case']['tasks']>;
export type MyDay = MyDayQueryData['myDay'];
/** One line of My day, with what its action needs. */
export type MyDayEntry = Item<MyDay['items']>;
