import { gql } from 'urql';

// Tasks on a case and My day. Types: generated.ts (`npm run codegen`).

const TASK = 'id caseId title details assigneeId assigneeName internal dueOn remindOn dueState doneAt doneById doneByName createdById version createdAt';

export const CaseTasksQuery = gql`
  query CaseTasks($id: ID!) {
    case(id: $id) {
      id
      stage
      tasks { ${TASK} }
    }
  }
`;

export const AddCaseTaskMutation = gql`
  mutation AddCaseTask($input: AddCaseTaskInput!) {
    addCaseTask(input: $input) { ${TASK} }
  }
`;

export const UpdateCaseTaskMutation = gql`
  mutation UpdateCaseTask($input: UpdateCaseTaskInput!) {
    updateCaseTask(input: $input) { ${TASK} }
  }
`;

export const SetCaseTaskDoneMutation = gql`
  mutation SetCaseTaskDone($input: SetCaseTaskDoneInput!) {
    setCaseTaskDone(input: $input) { ${TASK} }
  }
`;

export const RemoveCaseTaskMutation = gql`
  mutation RemoveCaseTask($id: ID!) {
    removeCaseTask(id: $id)
  }
`;

export const MyDayQuery = gql`
  query MyDay($advocateId: ID) {
    myDay(advocateId: $advocateId) {
      today
      advocateId
      overdueCount
      items {
        key
        kind
        urgency
        on
        caseId
        patientName
        leadAdvocateName
        taskId
        taskTitle
        recordRequestId
        holderName
        recordClock
        outstandingItemIds
        appointmentId
        notificationId
      }
    }
  }
`;
