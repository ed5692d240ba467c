import { Injectable } from '@nestjs/common';
import { Actor } from '@second-look/domain';
import { EntityManager } from 'typeorm';
import { UserAccount } from '../user/user-account.entity';
import { Invitation } from './invitation.entity';

export type InvitationAcceptedHook = (manager: EntityManager, invitation: Invitation, user: UserAccount) => Promise<void>;
export type InvitationPreviewHook = (invitation: Invitation) => Promise<{ patientName: string | null }>;

/**
 * Lets the cases library join a patient or caregiver to their case inside the same
 * transaction that accepts the invitation, without identity depending on cases.
 */
@Injectable()
export class InvitationHooks {
  readonly accepted: InvitationAcceptedHook[] = [];
  preview: InvitationPreviewHook = async () => ({ patientName: null });
  /** Whether the caller manages the case (and so may revoke its invitations). */
  canManageCase: (actor: Actor, caseId: string) => Promise<boolean> = async () => false;
}
