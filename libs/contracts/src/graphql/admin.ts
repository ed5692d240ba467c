import { gql } from 'urql';

// Flat selections (no fragments): see cases.ts.
const USER = 'id displayName email role deactivatedAt';
const INVITATION = 'id email role caseId access expiresAt acceptedAt createdAt';

export const MembersQuery = gql`
  query Members {
    members {
      ${USER}
    }
  }
`;

export const StaffInvitationsQuery = gql`
  query StaffInvitations {
    staffInvitations {
      ${INVITATION}
    }
  }
`;

export const InviteStaffMutation = gql`
  mutation InviteStaff($input: InviteStaffInput!) {
    inviteStaff(input: $input) {
      ${INVITATION}
    }
  }
`;

export const RevokeInvitationMutation = gql`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id)
  }
`;

export const ChangeMemberRoleMutation = gql`
  mutation ChangeMemberRole($userId: ID!, $role: Role!) {
    changeMemberRole(userId: $userId, role: $role) {
      ${USER}
    }
  }
`;

export const MemberOpenWorkQuery = gql`
  query MemberOpenWork($userId: ID!) {
    memberOpenWork(userId: $userId) {
      leadCases
      openTasks
    }
  }
`;

export const DeactivateMemberMutation = gql`
  mutation DeactivateMember($userId: ID!) {
    deactivateMember(userId: $userId) {
      ${USER}
    }
  }
`;

export const ReactivateMemberMutation = gql`
  mutation ReactivateMember($userId: ID!) {
    reactivateMember(userId: $userId) {
      ${USER}
    }
  }
`;

export const AuditEventsQuery = gql`
  query AuditEvents($filter: AuditFilter, $first: Int!, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      nodes {
        id
        at
        action
        entityType
        entityId
        caseId
        ip
        userAgent
        actor { ${USER} }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`;
