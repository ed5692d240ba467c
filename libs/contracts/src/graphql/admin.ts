import { gql } from 'urql';
import type { AuditEvent, AuditFilter, Invitation, PageInfo, Role, User } from './types';

const USER_FIELDS = gql`
  fragment MemberFields on User {
    id
    displayName
    email
    role
  }
`;

const INVITATION_FIELDS = gql`
  fragment StaffInvitationFields on Invitation {
    id
    email
    role
    caseId
    access
    expiresAt
    acceptedAt
    createdAt
  }
`;

export const MembersQuery = gql<{ members: User[] }, Record<string, never>>`
  query Members {
    members {
      ...MemberFields
    }
  }
  ${USER_FIELDS}
`;

export const StaffInvitationsQuery = gql<{ staffInvitations: Invitation[] }, Record<string, never>>`
  query StaffInvitations {
    staffInvitations {
      ...StaffInvitationFields
    }
  }
  ${INVITATION_FIELDS}
`;

export const InviteStaffMutation = gql<{ inviteStaff: Invitation }, { input: { email: string; role: Role } }>`
  mutation InviteStaff($input: InviteStaffInput!) {
    inviteStaff(input: $input) {
      ...StaffInvitationFields
    }
  }
  ${INVITATION_FIELDS}
`;

export const RevokeInvitationMutation = gql<{ revokeInvitation: boolean }, { id: string }>`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id)
  }
`;

export const ChangeMemberRoleMutation = gql<{ changeMemberRole: User }, { userId: string; role: Role }>`
  mutation ChangeMemberRole($userId: ID!, $role: Role!) {
    changeMemberRole(userId: $userId, role: $role) {
      ...MemberFields
    }
  }
  ${USER_FIELDS}
`;

export interface AuditEventsData {
  auditEvents: { nodes: AuditEvent[]; pageInfo: PageInfo };
}
export interface AuditEventsVariables {
  filter?: AuditFilter | null;
  first?: number;
  after?: string | null;
}

export const AuditEventsQuery = gql<AuditEventsData, AuditEventsVariables>`
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
        actor {
          ...MemberFields
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
  ${USER_FIELDS}
`;
