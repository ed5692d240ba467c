import { CaregiverAccess, Role } from '@second-look/domain';
import { UserAccount } from '@second-look/server-identity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PatientCase } from '../case/patient-case.entity';

/** A patient or caregiver who joined a case. Their access to the case comes only from here. */
@Entity('case_participant')
@Unique(['caseId', 'userId'])
export class CaseParticipant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => PatientCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: PatientCase;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserAccount;

  @Column({ type: 'enum', enum: Role, enumName: 'user_role' })
  role: Role;

  /** A caregiver's rights, chosen by the patient; null for the patient. */
  @Column({ type: 'enum', enum: CaregiverAccess, enumName: 'caregiver_access', nullable: true })
  access: CaregiverAccess | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** The parent's organization, filled by a trigger for row-level security (migration RowLevelSecurity1795710000000). */
  @Index('IDX_case_participant_organization')
  @Column({ type: 'uuid', select: false, insert: false, update: false })
  organizationId?: string;
}
