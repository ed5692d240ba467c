import { UserAccount } from '@second-look/server-identity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PatientCase } from '../case/patient-case.entity';

/** A comment on a case. Internal ones are for staff only and never leave the database for anyone else. */
@Entity('case_comment')
@Index(['caseId', 'createdAt'])
export class CaseComment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => PatientCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: PatientCase;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => UserAccount, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: UserAccount;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'boolean', default: false })
  internal: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
