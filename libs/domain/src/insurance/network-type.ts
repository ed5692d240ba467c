import { CoverageHint, InsurancePlanType } from './insurance-check';

/*
 * How a plan's network works (docs/domain.md, journey step 5): it decides whether a referral
 * is needed before a second opinion and whether a provider outside the network is paid for.
 */
export enum InsuranceNetworkType {
  HMO = 'HMO',
  PPO = 'PPO',
  EPO = 'EPO',
  POS = 'POS',
  MEDICARE = 'MEDICARE',
  MEDICARE_ADVANTAGE = 'MEDICARE_ADVANTAGE',
  MEDICAID = 'MEDICAID',
  TRICARE = 'TRICARE',
  VA = 'VA',
  OTHER = 'OTHER',
}

/** HMO and POS plans usually want a referral from the primary doctor before a specialist visit. */
export const referralUsuallyNeeded = (n: InsuranceNetworkType): boolean => n === InsuranceNetworkType.HMO || n === InsuranceNetworkType.POS;

/** HMO and EPO plans rarely pay for care outside their network, except emergencies. */
export const outOfNetworkUnlikely = (n: InsuranceNetworkType): boolean => n === InsuranceNetworkType.HMO || n === InsuranceNetworkType.EPO;

/** The public programs a network type names, so their general rules apply when the kind of plan says less. */
const PROGRAM_OF: Partial<Record<InsuranceNetworkType, InsurancePlanType>> = {
  [InsuranceNetworkType.MEDICARE]: InsurancePlanType.MEDICARE,
  [InsuranceNetworkType.MEDICARE_ADVANTAGE]: InsurancePlanType.MEDICARE_ADVANTAGE,
  [InsuranceNetworkType.MEDICAID]: InsurancePlanType.MEDICAID,
};

/**
 * The kind of plan whose general rules apply: the plan's own kind, unless it says only
 * "through work", "something else" (or nothing) and the network type names a public program.
 */
export function effectivePlanType(planType: InsurancePlanType | null, networkType: InsuranceNetworkType | null): InsurancePlanType | null {
  const program = networkType ? PROGRAM_OF[networkType] : undefined;
  if (program && (planType === null || planType === InsurancePlanType.COMMERCIAL || planType === InsurancePlanType.OTHER)) return program;
  return planType;
}

/** The hints a network type adds to the plan's own: a referral first, and staying in network. */
export function networkHints(networkType: InsuranceNetworkType | null): CoverageHint[] {
  if (!networkType) return [];
  const hints: CoverageHint[] = [];
  if (referralUsuallyNeeded(networkType)) hints.push(CoverageHint.REFERRAL_USUALLY_NEEDED);
  if (outOfNetworkUnlikely(networkType)) hints.push(CoverageHint.OUT_OF_NETWORK_UNLIKELY);
  if (networkType === InsuranceNetworkType.TRICARE || networkType === InsuranceNetworkType.VA) hints.push(CoverageHint.PROGRAM_AUTHORIZATION_FIRST);
  return hints;
}
