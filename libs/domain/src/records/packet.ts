import { CaseTrigger, Urgency } from '../cases/trigger';
import { DomainError, DomainErrorCode } from '../errors/domain-error';

/** What goes into the packet for the second-opinion provider (docs/domain.md, "Gather records"). */
export enum PacketItemKind {
  /** The actual images (CD/DVD, DICOM), not only the radiology reports. */
  IMAGING_DISC = 'IMAGING_DISC',
  /** Glass slides or blocks; the provider's pathologist re-reads them. */
  PATHOLOGY_SLIDES = 'PATHOLOGY_SLIDES',
  PATHOLOGY_REPORT = 'PATHOLOGY_REPORT',
  LABS = 'LABS',
  /** Clinic notes with the diagnosis and the proposed plan. */
  CLINIC_NOTES = 'CLINIC_NOTES',
  /** Surgical and procedure reports. */
  PROCEDURE_REPORT = 'PROCEDURE_REPORT',
  /** The patient's own short timeline of symptoms and treatments tried. */
  OWN_TIMELINE = 'OWN_TIMELINE',
  MEDICATIONS_ALLERGIES = 'MEDICATIONS_ALLERGIES',
  OTHER = 'OTHER',
}

/**
 * Kinds in the order a packet lists them: the slowest to obtain first (physical slides
 * and discs travel by courier), so the eye lands on what must be chased earliest.
 */
export const PACKET_ITEM_KIND_ORDER: readonly PacketItemKind[] = [
  PacketItemKind.PATHOLOGY_SLIDES,
  PacketItemKind.IMAGING_DISC,
  PacketItemKind.PATHOLOGY_REPORT,
  PacketItemKind.PROCEDURE_REPORT,
  PacketItemKind.CLINIC_NOTES,
  PacketItemKind.LABS,
  PacketItemKind.MEDICATIONS_ALLERGIES,
  PacketItemKind.OWN_TIMELINE,
  PacketItemKind.OTHER,
];

export enum PacketItemState {
  NEEDED = 'NEEDED',
  REQUESTED = 'REQUESTED',
  RECEIVED = 'RECEIVED',
  /** Passed on to the second-opinion provider. */
  SENT_TO_PROVIDER = 'SENT_TO_PROVIDER',
  /** The holder has none (no imaging was ever done, the slides were exhausted). */
  NOT_AVAILABLE = 'NOT_AVAILABLE',
}

export enum ResponsibleParty {
  ADVOCATE = 'ADVOCATE',
  PATIENT = 'PATIENT',
  CAREGIVER = 'CAREGIVER',
}

const MOVES: Readonly<Record<PacketItemState, readonly PacketItemState[]>> = {
  // Straight to RECEIVED: the patient often already holds a copy and just uploads it.
  [PacketItemState.NEEDED]: [PacketItemState.REQUESTED, PacketItemState.RECEIVED, PacketItemState.NOT_AVAILABLE],
  // Back to NEEDED: the request went to the wrong holder and must go elsewhere.
  [PacketItemState.REQUESTED]: [PacketItemState.NEEDED, PacketItemState.RECEIVED, PacketItemState.NOT_AVAILABLE],
  // Back to REQUESTED: what arrived was incomplete (reports instead of images).
  [PacketItemState.RECEIVED]: [PacketItemState.SENT_TO_PROVIDER, PacketItemState.REQUESTED],
  // The provider could not read the disc, or a third opinion needs the copy again:
  // either a fresh copy is requested or the one on hand is marked to send again.
  [PacketItemState.SENT_TO_PROVIDER]: [PacketItemState.RECEIVED, PacketItemState.REQUESTED],
  // Another source turned up (a different hospital kept the images).
  [PacketItemState.NOT_AVAILABLE]: [PacketItemState.NEEDED, PacketItemState.REQUESTED],
};

export function allowedPacketItemMoves(from: PacketItemState): PacketItemState[] {
  return [...MOVES[from]];
}

export function canMovePacketItem(from: PacketItemState, to: PacketItemState): boolean {
  return MOVES[from].includes(to);
}

export function assertPacketItemMove(from: PacketItemState, to: PacketItemState): void {
  if (!canMovePacketItem(from, to)) {
    throw new DomainError(DomainErrorCode.VALIDATION_FAILED, from === to ? `The packet item is already ${from}` : `A packet item cannot move from ${from} to ${to}`, {
      field: 'state',
      from,
      to,
      allowed: allowedPacketItemMoves(from),
    });
  }
}

/** In hand: counts towards a request being received. */
export const isReceivedState = (state: PacketItemState): boolean => state === PacketItemState.RECEIVED || state === PacketItemState.SENT_TO_PROVIDER;

/** Still to chase. NOT_AVAILABLE is settled: the holder answered, there is nothing more to get. */
export const isOutstandingState = (state: PacketItemState): boolean => state === PacketItemState.NEEDED || state === PacketItemState.REQUESTED;

/**
 * Who gathers each kind unless staff say otherwise. Only the patient can write their
 * own story and knows what they actually take; everything held by a provider is
 * requested by the advocate, who knows how to ask and to chase.
 */
export function defaultResponsibleFor(kind: PacketItemKind): ResponsibleParty {
  return kind === PacketItemKind.OWN_TIMELINE || kind === PacketItemKind.MEDICATIONS_ALLERGIES ? ResponsibleParty.PATIENT : ResponsibleParty.ADVOCATE;
}

export interface PacketItemTemplate {
  readonly kind: PacketItemKind;
  readonly responsible: ResponsibleParty;
  readonly state: PacketItemState.NEEDED;
}

/** Every packet needs these: the provider cannot form an opinion without them. */
const ALWAYS: readonly PacketItemKind[] = [
  PacketItemKind.CLINIC_NOTES,
  PacketItemKind.LABS,
  PacketItemKind.MEDICATIONS_ALLERGIES,
  PacketItemKind.OWN_TIMELINE,
  // Most diagnoses rest on imaging. Marking it NOT_AVAILABLE costs a click; noticing it
  // missing at the appointment costs weeks.
  PacketItemKind.IMAGING_DISC,
];

/** Pathology is critical for cancer and decisive where expertise in a rare condition matters. */
const NEEDS_SLIDES: readonly CaseTrigger[] = [CaseTrigger.MAJOR_DIAGNOSIS, CaseTrigger.RARE_CONDITION];

/** A diagnosis in doubt: if a biopsy was taken, its report is what the provider reads first. */
const NEEDS_PATHOLOGY_REPORT: readonly CaseTrigger[] = [...NEEDS_SLIDES, CaseTrigger.UNCERTAIN_DIAGNOSIS, CaseTrigger.CONFLICTING_INFORMATION];

/** The treatment is what is questioned: what was already done, and how it went, matters. */
const NEEDS_PROCEDURE_REPORT: readonly CaseTrigger[] = [CaseTrigger.RISKY_TREATMENT, CaseTrigger.NO_IMPROVEMENT];

/**
 * The packet a new case starts with, from why it was opened. Urgent cases cast a wider
 * net: a second round of requests costs a week the patient may not have, so reports
 * are asked for in the first round even when they may turn out not to exist. Slides
 * stay tied to the triggers that need them: they are physical, and a holder sends
 * them only when there is a reason.
 */
export function defaultPacketFor(triggers: readonly CaseTrigger[], urgency: Urgency): PacketItemTemplate[] {
  const kinds = new Set<PacketItemKind>(ALWAYS);
  const urgent = urgency === Urgency.URGENT;
  const any = (list: readonly CaseTrigger[]): boolean => triggers.some((t) => list.includes(t));

  if (any(NEEDS_SLIDES)) kinds.add(PacketItemKind.PATHOLOGY_SLIDES);
  if (urgent || any(NEEDS_PATHOLOGY_REPORT)) kinds.add(PacketItemKind.PATHOLOGY_REPORT);
  if (urgent || any(NEEDS_PROCEDURE_REPORT)) kinds.add(PacketItemKind.PROCEDURE_REPORT);

  return PACKET_ITEM_KIND_ORDER.filter((kind) => kinds.has(kind)).map((kind) => ({
    kind,
    responsible: defaultResponsibleFor(kind),
    state: PacketItemState.NEEDED,
  }));
}
