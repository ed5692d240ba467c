import { CaseNoteKind } from '@second-look/domain';
import { PatientCase } from '@second-look/server-cases';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * One of a case's two notes, kept as its CRDT (Yjs) state. Every save merges the incoming
 * update into `state` under a row lock, so the row is always the whole note and a reload
 * needs one read; there is no update log to replay or compact.
 */
@Entity('case_note')
export class CaseNote {
  @PrimaryColumn({ type: 'uuid' })
  caseId: string;

  @PrimaryColumn({ type: 'enum', enum: CaseNoteKind, enumName: 'case_note_kind' })
  kind: CaseNoteKind;

  @ManyToOne(() => PatientCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: PatientCase;

  @Column({ type: 'uuid' })
  organizationId: string;

  /** Yjs update encoding (v1) of the whole document. */
  @Column({ type: 'bytea' })
  state: Buffer;

  /** Characters of text, so limits and lists need not decode the state. */
  @Column({ type: 'integer', default: 0 })
  textLength: number;

  /** Bumped by every save that changed the note; live events carry it so a viewer can tell it missed one. */
  @Column({ type: 'integer', default: 0 })
  version: number;

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
