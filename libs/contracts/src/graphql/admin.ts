import { gql } from 'urql';
import type { AuditEvent, AuditFilter, Invitation, PageInfo, Role, User } from './types';

// Flat selections (no fragments): see cases.ts.
const USER = 'id displayName email role';
const INVITATION = 'id email role caseId access expiresAt acceptedAt createdAt';

export const MembersQuery = gql<{ members: User[] }, Record<string, never>>`
  query Members {
    members {
      ${USER}
    }
  }
`;

export const StaffInvitationsQuery = gql<{ staffInvitations: Invitation[] }, Record<string, never>>`
  query StaffInvitations {
    staffInvitations {
      ${INVITATION}
    }
  }
`;

export const InviteStaffMutation = gql<{ inviteStaff: Invitation }, { input: { email: string; role: Role } }>`
  mutation InviteStaff($input: InviteStaffInput!) {
    inviteStaff(input: $input) {
      ${INVITATION}
    }
  }
`;

export const RevokeInvitationMutation = gql<{ revokeInvitation: boolean }, { id: string }>`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id)
  }
`;

export const ChangeMemberRoleMutation = gql<{ changeMemberRole: User }, { userId: string; role: Role }>`
  mutation ChangeMemberRole($userId: ID!, $role: Role!) {
    changeMemberRole(userId: $userId, role: $role) {
      ${USER}
    }
  }
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
        actor { ${USER} }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`;
