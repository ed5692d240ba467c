import type { DashboardFigureKind } from '@second-look/contracts/graphql';
import { CASE_STAGE_ORDER, CaseStage, Urgency } from '@second-look/domain';

/** The dashboard's filters as they travel in the address, so a figure's list and the way back keep them. */
export interface DashboardParams {
  readonly period: 'THIS_MONTH' | 'LAST_3' | 'LAST_12';
  readonly advocate: string | null;
  readonly urgency: Urgency | null;
  readonly stage: CaseStage | null;
  /** The period's months as the server answered them (carried to a figure's list of cases). */
  readonly months?: { readonly fromMonth: string; readonly toMonth: string };
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const PERIODS = ['THIS_MONTH', 'LAST_3', 'LAST_12'] as const;
const MONTHS_BACK: Record<DashboardParams['period'], number> = { THIS_MONTH: 0, LAST_3: 2, LAST_12: 11 };

export function readParams(search: URLSearchParams): DashboardParams {
  const period = search.get('period');
  const urgency = search.get('urgency');
  return {
    period: (PERIODS as readonly string[]).includes(period ?? '') ? (period as DashboardParams['period']) : 'LAST_3',
    advocate: search.get('advocate') || null,
    urgency: urgency === Urgency.ROUTINE || urgency === Urgency.URGENT ? urgency : null,
    stage: (CASE_STAGE_ORDER as readonly string[]).includes(search.get('stage') ?? '') ? (search.get('stage') as CaseStage) : null,
    ...(MONTH.test(search.get('from') ?? '') && MONTH.test(search.get('to') ?? '') ? { months: { fromMonth: search.get('from')!, toMonth: search.get('to')! } } : {}),
  };
}

export function writeParams(p: DashboardParams): URLSearchParams {
  const out = new URLSearchParams();
  if (p.period !== 'LAST_3') out.set('period', p.period);
  if (p.advocate) out.set('advocate', p.advocate);
  if (p.urgency) out.set('urgency', p.urgency);
  if (p.stage) out.set('stage', p.stage);
  return out;
}

/** The months of a period ending in the organization's current month (`today` is its date). */
export function periodMonths(period: DashboardParams['period'], today: string | null): { fromMonth?: string; toMonth?: string } {
  if (!today) return {};
  const [y, m] = today.split('-').map(Number);
  if (y === undefined || m === undefined) return {};
  const index = y * 12 + (m - 1) - MONTHS_BACK[period];
  const from = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  return { fromMonth: from, toMonth: today.slice(0, 7) };
}

/** Where a figure leads: the list of the cases behind it, with the same filters. */
export function casesLink(p: DashboardParams, kind: DashboardFigureKind | `${DashboardFigureKind}`, key: string): string {
  const search = writeParams(p);
  if (p.months) {
    search.set('from', p.months.fromMonth);
    search.set('to', p.months.toMonth);
  }
  search.set('kind', kind);
  search.set('key', key);
  return `/dashboard/cases?${search.toString()}`;
}

/** A holder's open requests past the plan target, on the records board. */
export const holderBoardLink = (holderId: string): string => `/records?${new URLSearchParams({ holder: holderId, status: 'OVERDUE' }).toString()}`;
