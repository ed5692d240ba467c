import { gql } from 'urql';
import type { AppointmentMode, Language, OwnTimelineKind, OwnTimelineSeverity, PacketItemKind, PacketItemState, QuestionMove, StarterQuestion, VisitFeeling, VisitFeelingSummary } from '@second-look/domain';

export type { AppointmentMode, OwnTimelineKind, OwnTimelineSeverity, QuestionMove, StarterQuestion, VisitFeeling, VisitFeelingSummary };

// The appointment half of the journey: questions, appointments, the patient's own timeline.
// Shapes match schema.gql by hand, like the rest of the contracts.

export interface CaseQuestion {
  id: string;
  /** The suggested question this came from; the client words it while `text` is empty. */
  starter: StarterQuestion | null;
  text: string;
  position: number;
  version: number;
}

export interface AppointmentAnswer {
  id: string;
  questionId: string;
  answer: string;
  version: number;
}

export interface BringItem {
  id: string;
  kind: PacketItemKind;
  title: string;
  state: PacketItemState;
}

export interface Appointment {
  id: string;
  startsAt: string;
  mode: AppointmentMode;
  place: string;
  videoLink: string;
  providerName: string;
  candidateId: string | null;
  bringNotes: string;
  /** Null for patients and caregivers. */
  staffNotes: string | null;
  feelings: VisitFeeling[];
  feelingSummary: VisitFeelingSummary;
  worries: string;
  feelingsRecordedAt: string | null;
  /** Set when the visit was called off. */
  cancelledAt: string | null;
  version: number;
  answers: AppointmentAnswer[];
  whatToBring: BringItem[];
}

export interface OwnTimelineEntry {
  id: string;
  occurredOn: string;
  kind: OwnTimelineKind;
  what: string;
  severity: OwnTimelineSeverity | null;
  howItWent: string;
  version: number;
}

export interface CaseAppointments {
  id: string;
  questions: CaseQuestion[];
  appointments: Appointment[];
  ownTimeline: OwnTimelineEntry[];
  providerCandidates: { id: string; name: string; institution: string; chosen: boolean }[];
}

export interface BookAppointmentInput {
  caseId: string;
  date: string;
  time: string;
  mode: AppointmentMode;
  place?: string | null;
  videoLink?: string | null;
  providerName: string;
  candidateId?: string | null;
  bringNotes?: string | null;
  staffNotes?: string | null;
}

const QUESTIONS = `questions { id starter text position version }`;
const APPOINTMENTS = `appointments { id startsAt mode place videoLink providerName candidateId bringNotes staffNotes feelings feelingSummary worries feelingsRecordedAt cancelledAt version answers { id questionId answer version } whatToBring { id kind title state } }`;
const OWN_TIMELINE = `ownTimeline { id occurredOn kind what severity howItWent version }`;

export const CaseAppointmentsQuery = gql<{ case: CaseAppointments }, { id: string }>`
  query CaseAppointments($id: ID!) {
    case(id: $id) {
      id
      ${QUESTIONS}
      ${APPOINTMENTS}
      ${OWN_TIMELINE}
      providerCandidates { id name institution chosen }
    }
  }
`;

export const AddCaseQuestionMutation = gql<{ addCaseQuestion: Pick<CaseAppointments, 'id' | 'questions'> }, { caseId: string; text: string }>`
  mutation AddCaseQuestion($caseId: ID!, $text: String!) {
    addCaseQuestion(input: { caseId: $caseId, text: $text }) { id ${QUESTIONS} }
  }
`;

export const AddStarterQuestionsMutation = gql<{ addStarterQuestions: Pick<CaseAppointments, 'id' | 'questions'> }, { caseId: string }>`
  mutation AddStarterQuestions($caseId: ID!) {
    addStarterQuestions(caseId: $caseId) { id ${QUESTIONS} }
  }
`;

export const UpdateCaseQuestionMutation = gql<{ updateCaseQuestion: CaseQuestion }, { id: string; expectedVersion: number; text: string }>`
  mutation UpdateCaseQuestion($id: ID!, $expectedVersion: Int!, $text: String!) {
    updateCaseQuestion(input: { id: $id, expectedVersion: $expectedVersion, text: $text }) { id starter text position version }
  }
`;

export const MoveCaseQuestionMutation = gql<{ moveCaseQuestion: Pick<CaseAppointments, 'id' | 'questions'> }, { id: string; direction: QuestionMove }>`
  mutation MoveCaseQuestion($id: ID!, $direction: QuestionMove!) {
    moveCaseQuestion(input: { id: $id, direction: $direction }) { id ${QUESTIONS} }
  }
`;

export const RemoveCaseQuestionMutation = gql<{ removeCaseQuestion: Pick<CaseAppointments, 'id' | 'questions'> }, { id: string }>`
  mutation RemoveCaseQuestion($id: ID!) {
    removeCaseQuestion(id: $id) { id ${QUESTIONS} }
  }
`;

export const BookAppointmentMutation = gql<{ bookAppointment: Pick<CaseAppointments, 'id' | 'appointments'> }, { input: BookAppointmentInput }>`
  mutation BookAppointment($input: BookAppointmentInput!) {
    bookAppointment(input: $input) { id ${APPOINTMENTS} }
  }
`;

export const RecordAppointmentAnswerMutation = gql<
  { recordAppointmentAnswer: Pick<Appointment, 'id' | 'answers'> },
  { appointmentId: string; questionId: string; answer: string; expectedVersion?: number | null }
>`
  mutation RecordAppointmentAnswer($appointmentId: ID!, $questionId: ID!, $answer: String!, $expectedVersion: Int) {
    recordAppointmentAnswer(input: { appointmentId: $appointmentId, questionId: $questionId, answer: $answer, expectedVersion: $expectedVersion }) {
      id
      answers { id questionId answer version }
    }
  }
`;

export const RecordVisitFeelingsMutation = gql<
  { recordVisitFeelings: Pick<Appointment, 'id' | 'feelings' | 'feelingSummary' | 'worries' | 'feelingsRecordedAt' | 'version'> },
  { appointmentId: string; expectedVersion: number; feelings: VisitFeeling[]; worries: string }
>`
  mutation RecordVisitFeelings($appointmentId: ID!, $expectedVersion: Int!, $feelings: [VisitFeeling!]!, $worries: String!) {
    recordVisitFeelings(input: { appointmentId: $appointmentId, expectedVersion: $expectedVersion, feelings: $feelings, worries: $worries }) {
      id feelings feelingSummary worries feelingsRecordedAt version
    }
  }
`;

export const AddOwnTimelineEntryMutation = gql<
  { addOwnTimelineEntry: Pick<CaseAppointments, 'id' | 'ownTimeline'> & { packet: { id: string; state: PacketItemState; version: number }[] } },
  { input: { caseId: string; occurredOn: string; kind: OwnTimelineKind; what: string; severity?: OwnTimelineSeverity | null; howItWent?: string | null } }
>`
  mutation AddOwnTimelineEntry($input: AddOwnTimelineEntryInput!) {
    addOwnTimelineEntry(input: $input) { id ${OWN_TIMELINE} packet { id state version } }
  }
`;

export const RemoveOwnTimelineEntryMutation = gql<{ removeOwnTimelineEntry: Pick<CaseAppointments, 'id' | 'ownTimeline'> }, { id: string }>`
  mutation RemoveOwnTimelineEntry($id: ID!) {
    removeOwnTimelineEntry(id: $id) { id ${OWN_TIMELINE} }
  }
`;

/** A new date or time for a visit; the API cancels its old reminders and schedules new ones. */
export const MoveAppointmentMutation = gql<{ updateAppointment: Pick<Appointment, 'id' | 'startsAt' | 'version'> }, { id: string; expectedVersion: number; date: string; time: string }>`
  mutation MoveAppointment($id: ID!, $expectedVersion: Int!, $date: String!, $time: String!) {
    updateAppointment(input: { id: $id, expectedVersion: $expectedVersion, date: $date, time: $time }) { id startsAt version }
  }
`;

/** Calls a visit off; it stays on the case as history and its reminders stop. */
export const CancelAppointmentMutation = gql<{ cancelAppointment: Pick<Appointment, 'id' | 'cancelledAt' | 'version'> }, { id: string; expectedVersion: number }>`
  mutation CancelAppointment($id: ID!, $expectedVersion: Int!) {
    cancelAppointment(input: { id: $id, expectedVersion: $expectedVersion }) { id cancelledAt version }
  }
`;

/** A suggested question's words in one language (a stored question keeps only its `starter`). */
export interface SuggestedQuestion {
  starter: StarterQuestion;
  language: Language;
  text: string;
}

export const SuggestedQuestionsQuery = gql<{ suggestedQuestions: SuggestedQuestion[] }, { language?: Language | null }>`
  query SuggestedQuestions($language: Language) {
    suggestedQuestions(language: $language) { starter language text }
  }
`;
