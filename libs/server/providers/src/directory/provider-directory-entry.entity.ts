import { ProviderVisitMode } from '@second-look/domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The organization's own list of second-opinion providers it has worked with. Not patient data. */
@Entity('provider_directory_entry')
@Index(['organizationId', 'name'])
export class ProviderDirectoryEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  specialty: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  subSpecialty: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  institution: string;

  @Column({ type: 'boolean', default: false })
  academicCentre: boolean;

  @Column({ type: 'enum', enum: ProviderVisitMode, enumName: 'provider_visit_mode', default: ProviderVisitMode.IN_PERSON })
  visitMode: ProviderVisitMode;

  @Column({ type: 'varchar', length: 300, default: '' })
  contact: string;

  @Column({ type: 'text', default: '' })
  notes: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
