import { gql } from 'urql';

const DAYS = 'count medianDays p90Days overTarget shareOverTarget suppressed';

export const DashboardQuery = gql`
  query Dashboard($filter: DashboardFilter) {
    dashboard(filter: $filter) {
      timeZone
      today
      asOf
      period { fromMonth toMonth }
      funnel { stage now entered left closedEarly conversion }
      phases {
        phases { phase urgency targetDays ${DAYS} }
        byAdvocate { phase advocateId advocateName ${DAYS} }
      }
      holders { holderId holderName sent fulfilled medianDays p90Days pastTarget sharePastTarget pastLegal sharePastLegal open overdue openPastLegal suppressed }
      caseload { advocateId advocateName openCases urgentCases openRequests overdueRequests pastLegalRequests }
      outcomes {
        decisions { key count share }
        daysToDecision { ${DAYS} }
        visits
        feelings { key count share }
      }
    }
  }
`;

export const DashboardCasesQuery = gql`
  query DashboardCases($input: DashboardCasesInput!) {
    dashboardCases(input: $input) {
      totalCount
      cases {
        id
        patientName
        stage
        urgency
        leadAdvocateName
      }
    }
  }
`;
