import { Actor, CalendarDate, calendarDate, calendarDateParts, CaseStage, DomainError, DomainErrorCode, Role, todayInZone, Urgency } from '@second-look/domain';
import { DashboardFilter } from './dashboards.model';

/** What one dashboard request reads: the organization, the caller's reach and the filters. */
export interface DashboardScope {
  readonly organizationId: string;
  readonly timeZone: string;
  readonly today: CalendarDate;
  readonly fromMonth: string;
  readonly toMonth: string;
  /** The first days of the first and last months, for the rollup's month rows. */
  readonly fromDay: CalendarDate;
  readonly toDay: CalendarDate;
  /** Advocates see only their own cases' figures: their id is forced here. */
  readonly advocateId: string | null;
  readonly urgency: Urgency | null;
  readonly stage: CaseStage | null;
}

const monthOf = (day: CalendarDate): string => day.slice(0, 7);
const firstDay = (month: string): CalendarDate => `${month}-01` as CalendarDate;

function monthsBefore(day: CalendarDate, months: number): string {
  const { year, month } = calendarDateParts(day);
  const index = year * 12 + (month - 1) - months;
  return monthOf(calendarDate(Math.floor(index / 12), (index % 12) + 1, 1));
}

export function dashboardScope(actor: Actor, timeZone: string, now: Date, filter: DashboardFilter = {}): DashboardScope {
  const today = todayInZone(now, timeZone);
  const toMonth = filter.toMonth ?? monthOf(today);
  const fromMonth = filter.fromMonth ?? monthsBefore(firstDay(toMonth), 2);
  if (fromMonth > toMonth) {
    throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'The period must start before it ends.', { field: 'fromMonth', fromMonth, toMonth });
  }
  return {
    organizationId: actor.organizationId,
    timeZone,
    today,
    fromMonth,
    toMonth,
    fromDay: firstDay(fromMonth),
    toDay: firstDay(toMonth),
    advocateId: actor.role === Role.ADVOCATE ? actor.userId : (filter.advocateId ?? null),
    urgency: filter.urgency ?? null,
    stage: filter.stage ?? null,
  };
}

/** SQL parameters built in order ($1, $2, …) with the scope's common conditions on the rollup. */
export class RollupSql {
  readonly values: unknown[] = [];
  p(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
  /** Organization, urgency and advocate: every view's rows are narrowed by these. */
  common(scope: DashboardScope, alias = 'r', advocateColumn = 'advocate_id'): string {
    const conds = [`${alias}.organization_id = ${this.p(scope.organizationId)}`];
    if (scope.urgency) conds.push(`${alias}.urgency = ${this.p(scope.urgency)}`);
    if (scope.advocateId) conds.push(`${alias}.${advocateColumn} = ${this.p(scope.advocateId)}`);
    return conds.join(' AND ');
  }
  period(scope: DashboardScope, alias = 'r'): string {
    return `${alias}.day BETWEEN ${this.p(scope.fromDay)}::date AND ${this.p(scope.toDay)}::date`;
  }
}
