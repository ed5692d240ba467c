import { casePermissions, CaseAccessFacts } from './case-access';
import { CaregiverAccess, Role } from './roles';

const ORG = 'org-1';
const facts: CaseAccessFacts = {
  organizationId: ORG,
  leadAdvocateId: 'lead',
  participants: [
    { userId: 'pat', role: Role.PATIENT, access: null },
    { userId: 'cg-view', role: Role.CAREGIVER, access: CaregiverAccess.VIEW },
    { userId: 'cg-comment', role: Role.CAREGIVER, access: CaregiverAccess.COMMENT },
    { userId: 'cg-edit', role: Role.CAREGIVER, access: CaregiverAccess.EDIT },
  ],
};
const as = (userId: string, role: Role, organizationId = ORG) => casePermissions({ userId, role, organizationId }, facts);

describe('case permissions', () => {
  it('gives nothing to anyone from another organization, whatever their role', () => {
    for (const role of Object.values(Role)) expect(Object.values(as('lead', role, 'org-2')).some(Boolean)).toBe(false);
  });

  it('lets admins, coordinators and the lead advocate manage the case', () => {
    for (const [id, role] of [
      ['a', Role.ADMIN],
      ['c', Role.COORDINATOR],
      ['lead', Role.ADVOCATE],
    ] as const) {
      expect(as(id, role)).toMatchObject({ read: true, edit: true, moveStage: true, invitePatient: true, internal: true });
    }
    expect(as('a', Role.ADMIN).assignAdvocate).toBe(true);
    expect(as('lead', Role.ADVOCATE).assignAdvocate).toBe(false);
  });

  it('lets another advocate read, comment and see internal notes, but not change the case', () => {
    expect(as('other', Role.ADVOCATE)).toMatchObject({ read: true, comment: true, internal: true, edit: false, moveStage: false, invitePatient: false });
  });

  it('lets the patient edit and invite a caregiver, never see internal notes or move stages', () => {
    expect(as('pat', Role.PATIENT)).toMatchObject({ read: true, edit: true, comment: true, inviteCaregiver: true, internal: false, moveStage: false });
  });

  it('gives caregivers only what the patient chose', () => {
    expect(as('cg-view', Role.CAREGIVER)).toMatchObject({ read: true, comment: false, edit: false, internal: false });
    expect(as('cg-comment', Role.CAREGIVER)).toMatchObject({ read: true, comment: true, edit: false });
    expect(as('cg-edit', Role.CAREGIVER)).toMatchObject({ read: true, comment: true, edit: true, inviteCaregiver: false, internal: false });
  });

  it('gives nothing to a patient or caregiver who did not join this case, or joined under another role', () => {
    expect(as('stranger', Role.PATIENT).read).toBe(false);
    expect(as('pat', Role.CAREGIVER).read).toBe(false);
  });
});
