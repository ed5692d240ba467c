import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { CaseQuestion } from '../question/case-question.entity';
import { Appointment } from './appointment.entity';

/** What the provider answered to one question at one appointment. */
@Entity('appointment_answer')
@Index(['appointmentId', 'questionId'], { unique: true })
export class AppointmentAnswer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'uuid' })
  appointmentId: string;

  @ManyToOne(() => Appointment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'appointment_id' })
  appointment?: Appointment;

  @Index()
  @Column({ type: 'uuid' })
  questionId: string;

  @ManyToOne(() => CaseQuestion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'question_id' })
  question?: CaseQuestion;

  @Column({ type: 'text' })
  answer: string;

  @Column({ type: 'uuid' })
  updatedById: string;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
