import { gql } from 'urql';

// The appointment half of the journey: questions, appointments, the patient's own timeline.
// Their types are generated (generated.ts, `npm run codegen`).

const QUESTIONS = `questions { id starter text position version }`;
const APPOINTMENTS = `appointments { id startsAt started mode place videoLink providerName candidateId bringNotes staffNotes feelings feelingSummary worries feelingsRecordedAt cancelledAt version answers { id questionId answer version } whatToBring { id kind title state } }`;
const OWN_TIMELINE = `ownTimeline { id occurredOn kind what severity howItWent version }`;

export const CaseAppointmentsQuery = gql`
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

export const AddCaseQuestionMutation = gql`
  mutation AddCaseQuestion($caseId: ID!, $text: String!) {
    addCaseQuestion(input: { caseId: $caseId, text: $text }) { id ${QUESTIONS} }
  }
`;

export const AddStarterQuestionsMutation = gql`
  mutation AddStarterQuestions($caseId: ID!) {
    addStarterQuestions(caseId: $caseId) { id ${QUESTIONS} }
  }
`;

export const UpdateCaseQuestionMutation = gql`
  mutation UpdateCaseQuestion($id: ID!, $expectedVersion: Int!, $text: String!) {
    updateCaseQuestion(input: { id: $id, expectedVersion: $expectedVersion, text: $text }) {
      id
      starter
      text
      position
      version
    }
  }
`;

export const MoveCaseQuestionMutation = gql`
  mutation MoveCaseQuestion($id: ID!, $direction: QuestionMove!) {
    moveCaseQuestion(input: { id: $id, direction: $direction }) { id ${QUESTIONS} }
  }
`;

export const RemoveCaseQuestionMutation = gql`
  mutation RemoveCaseQuestion($id: ID!) {
    removeCaseQuestion(id: $id) { id ${QUESTIONS} }
  }
`;

export const BookAppointmentMutation = gql`
  mutation BookAppointment($input: BookAppointmentInput!) {
    bookAppointment(input: $input) { id ${APPOINTMENTS} }
  }
`;

export const RecordAppointmentAnswerMutation = gql`
  mutation RecordAppointmentAnswer($appointmentId: ID!, $questionId: ID!, $answer: String!, $expectedVersion: Int) {
    recordAppointmentAnswer(input: { appointmentId: $appointmentId, questionId: $questionId, answer: $answer, expectedVersion: $expectedVersion }) {
      id
      answers {
        id
        questionId
        answer
        version
      }
    }
  }
`;

export const RecordVisitFeelingsMutation = gql`
  mutation RecordVisitFeelings($appointmentId: ID!, $expectedVersion: Int!, $feelings: [VisitFeeling!]!, $worries: String!) {
    recordVisitFeelings(input: { appointmentId: $appointmentId, expectedVersion: $expectedVersion, feelings: $feelings, worries: $worries }) {
      id
      feelings
      feelingSummary
      worries
      feelingsRecordedAt
      version
    }
  }
`;

export const AddOwnTimelineEntryMutation = gql`
  mutation AddOwnTimelineEntry($input: AddOwnTimelineEntryInput!) {
    addOwnTimelineEntry(input: $input) { id ${OWN_TIMELINE} packet { id state version } }
  }
`;

export const RemoveOwnTimelineEntryMutation = gql`
  mutation RemoveOwnTimelineEntry($id: ID!) {
    removeOwnTimelineEntry(id: $id) { id ${OWN_TIMELINE} }
  }
`;

/** A new date or time for a visit; the API cancels its old reminders and schedules new ones. */
export const MoveAppointmentMutation = gql`
  mutation MoveAppointment($id: ID!, $expectedVersion: Int!, $date: String!, $time: String!) {
    updateAppointment(input: { id: $id, expectedVersion: $expectedVersion, date: $date, time: $time }) {
      id
      startsAt
      started
      version
    }
  }
`;

/** Calls a visit off; it stays on the case as history and its reminders stop. */
export const CancelAppointmentMutation = gql`
  mutation CancelAppointment($id: ID!, $expectedVersion: Int!) {
    cancelAppointment(input: { id: $id, expectedVersion: $expectedVersion }) {
      id
      cancelledAt
      version
    }
  }
`;

/** A suggested question's words in one language (a stored question keeps only its `starter`). */
export const SuggestedQuestionsQuery = gql`
  query SuggestedQuestions($language: Language) {
    suggestedQuestions(language: $language) {
      starter
      language
      text
    }
  }
`;
