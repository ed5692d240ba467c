import { Language, LANGUAGES } from '@second-look/domain';
import { PatientCase } from '@second-look/server-cases';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { RecordHolder } from '../holder/record-holder.entity';

export enum RequestMethod {
  PORTAL = 'PORTAL',
  FAX = 'FAX',
  EMAIL = 'EMAIL',
  MAIL = 'MAIL',
  IN_PERSON = 'IN_PERSON',
}

/**
 * A request to one record holder for one or more packet items. The plan target and the legal
 * due date are computed by the domain rules when the request is written and stored, so the
 * coordinator board filters and sorts them in SQL (partial indexes cover open requests only),
 * and the jobs issue can schedule reminders from them.
 */
@Entity('record_request')
@Index('record_request_open_by_legal_due', ['organizationId', 'legalDueOn', 'id'], { where: 'completed_on IS NULL' })
@Index('record_request_open_by_holder', ['organizationId', 'holderId', 'legalDueOn'], { where: 'completed_on IS NULL' })
@Index('record_request_open_by_target', ['organizationId', 'planTargetOn'], { where: 'completed_on IS NULL' })
// Covering index for the board's counts and holder groups (INCLUDE columns): created by the
// migration BoardCoveringIndex, which TypeORM's decorators cannot express, so not synchronised.
@Index('record_request_open_board', { synchronize: false })
// A holder's requests newest first (search), created by the migration SearchTrigramIndexes.
@Index('record_request_by_holder_sent', { synchronize: false })
export class RecordRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Index()
  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => PatientCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: PatientCase;

  @Column({ type: 'uuid' })
  holderId: string;

  @ManyToOne(() => RecordHolder, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'holder_id' })
  holder?: RecordHolder;

  @Column({ type: 'enum', enum: RequestMethod, enumName: 'record_request_method' })
  method: RequestMethod;

  @Column({ type: 'date' })
  sentOn: string;

  /** When the holder got it, if known; the legal 30 days count from here (else from sentOn). */
  @Column({ type: 'date', nullable: true })
  holderReceivedOn: string | null;

  @Column({ type: 'date' })
  planTargetOn: string;

  @Column({ type: 'date' })
  legalDueOn: string;

  @Column({ type: 'date' })
  originalLegalDueOn: string;

  @Column({ type: 'text', nullable: true })
  extensionReason: string | null;

  @Column({ type: 'date', nullable: true })
  extensionRecordedOn: string | null;

  /** The letter as sent (generated from the case, editable before sending). */
  @Column({ type: 'text', default: '' })
  letter: string;

  /** The language of this request's letters, chosen by staff (default English: the holder is a US office). */
  @Column({ type: 'enum', enum: LANGUAGES, enumName: 'app_language', default: 'en' })
  letterLanguage: Language;

  /**
   * The saved letter of the other language, kept when staff changed the letters' language (it
   * cannot be translated, and it may be what was sent); it comes back when they change back.
   */
  @Column({ type: 'text', default: '' })
  setAsideLetter: string;

  @Column({ type: 'enum', enum: LANGUAGES, enumName: 'app_language', nullable: true })
  setAsideLetterLanguage: Language | null;

  @Column({ type: 'integer', nullable: true })
  feeCents: number | null;

  /** Set when every item is received or not available: the request leaves the board. */
  @Column({ type: 'date', nullable: true })
  completedOn: string | null;

  @Column({ type: 'uuid' })
  createdById: string;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
