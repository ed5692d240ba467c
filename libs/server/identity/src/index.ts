export * from './organization/organization.entity';
export * from './user/user-account.entity';
export * from './user/user.model';
export * from './user/user.service';
export * from './session/user-session.entity';
export * from './session/session.service';
export * from './invitation/invitation.entity';
export * from './invitation/invitation.model';
export * from './invitation/invitation.service';
export * from './invitation/invitation-hooks';
export * from './auth/password.service';
export * from './auth/auth.service';
export * from './identity.module';

import { Invitation } from './invitation/invitation.entity';
import { Organization } from './organization/organization.entity';
import { UserSession } from './session/user-session.entity';
import { UserAccount } from './user/user-account.entity';
export const IDENTITY_ENTITIES = [Organization, UserAccount, UserSession, Invitation];
