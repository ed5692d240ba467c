import { Urgency } from '@second-look/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What a rollup row counts (docs/dashboards.md, "How the figures are kept"). */
export enum RollupMetric {
  /** Cases now in a stage (`key` = stage); `day` is the fixed NOW_DAY. */
  STAGE_NOW = 'STAGE_NOW',
  /** Moves into a stage in the month of `day` (`key` = stage). */
  STAGE_ENTERED = 'STAGE_ENTERED',
  STAGE_LEFT = 'STAGE_LEFT',
  /** Cases closed before the last step, by the stage they were closed from. */
  CLOSED_EARLY = 'CLOSED_EARLY',
  /** Finished phases by the month they finished (`key` = phase, `days` = days in it). */
  PHASE = 'PHASE',
  /** Record requests sent in the month (`key` = holder id). */
  HOLDER_SENT = 'HOLDER_SENT',
  /** Record requests fulfilled in the month, by days to fulfill; over_* count the late ones. */
  HOLDER_DONE = 'HOLDER_DONE',
  /** Open record requests by plan target date (`day`) and by judged legal date. */
  OPEN_TARGET = 'OPEN_TARGET',
  OPEN_LEGAL = 'OPEN_LEGAL',
  /** Decisions by the month written down (`key` = outcome or PENDING, `days` = days from the start). */
  OUTCOME = 'OUTCOME',
  /** Visit feelings by the month recorded (`key` = feeling, or VISITS for the visits themselves). */
  FEELING = 'FEELING',
}

/** The `day` of rows that count what is true now rather than in a month. */
export const NOW_DAY = '2000-01-01';
/** The `advocate_id` of rows about cases with no lead advocate (the key cannot hold NULL). */
export const NO_ADVOCATE = '00000000-0000-0000-0000-000000000000';

/**
 * Counts kept by database triggers in the same transaction as the write they count (migration
 * DashboardRollup): the dashboards read and add these rows, never the history itself.
 */
@Entity('dashboard_rollup')
export class DashboardRollup {
  @PrimaryColumn({ type: 'uuid' })
  organizationId: string;

  @PrimaryColumn({ type: 'varchar', length: 24 })
  metric: RollupMetric;

  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  key: string;

  @PrimaryColumn({ type: 'enum', enum: Urgency, enumName: 'case_urgency' })
  urgency: Urgency;

  @PrimaryColumn({ type: 'uuid' })
  advocateId: string;

  @PrimaryColumn({ type: 'integer' })
  days: number;

  @Column({ type: 'integer', default: 0 })
  n: number;

  @Column({ type: 'integer', default: 0 })
  overTarget: number;

  @Column({ type: 'integer', default: 0 })
  overLegal: number;
}
