import { Role } from './roles';

/** Who is calling: handed to every service call explicitly. */
export interface Actor {
  readonly userId: string;
  readonly organizationId: string;
  readonly role: Role;
}
