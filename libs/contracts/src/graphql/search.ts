import { gql } from 'urql';

export const SearchQuery = gql`
  query Search($query: String!, $first: Int) {
    search(query: $query, first: $first) {
      query
      hits {
        id
        kind
        caseId
        patientName
        stage
        match
        matchedText
        sentOn
        open
      }
    }
  }
`;
