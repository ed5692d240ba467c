import { CaseTrigger, Urgency } from '../cases/trigger';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import {
  PACKET_ITEM_KIND_ORDER,
  PacketItemKind,
  PacketItemState,
  ResponsibleParty,
  allowedPacketItemMoves,
  assertPacketItemMove,
  canMovePacketItem,
  defaultPacketFor,
  defaultResponsibleFor,
  isOutstandingState,
  isReceivedState,
} from './packet';

const { NEEDED, REQUESTED, RECEIVED, SENT_TO_PROVIDER, NOT_AVAILABLE } = PacketItemState;
const ALL_STATES = Object.values(PacketItemState);

describe('packet item state moves', () => {
  // The whole matrix, so any change to the rules shows up here as a deliberate edit.
  const EXPECTED: Record<PacketItemState, PacketItemState[]> = {
    [NEEDED]: [REQUESTED, RECEIVED, NOT_AVAILABLE],
    [REQUESTED]: [NEEDED, RECEIVED, NOT_AVAILABLE],
    [RECEIVED]: [SENT_TO_PROVIDER, REQUESTED],
    [SENT_TO_PROVIDER]: [RECEIVED, REQUESTED],
    [NOT_AVAILABLE]: [NEEDED, REQUESTED],
  };

  const pairs = ALL_STATES.flatMap((from) => ALL_STATES.map((to) => [from, to] as const));

  it.each(pairs)('%s -> %s follows the table', (from, to) => {
    const allowed = EXPECTED[from].includes(to);
    expect(canMovePacketItem(from, to)).toBe(allowed);
    if (allowed) {
      expect(() => assertPacketItemMove(from, to)).not.toThrow();
    } else {
      expect(() => assertPacketItemMove(from, to)).toThrow(DomainError);
    }
  });

  it('lists the allowed moves', () => {
    for (const from of ALL_STATES) {
      expect(allowedPacketItemMoves(from).sort()).toEqual([...EXPECTED[from]].sort());
    }
  });

  it('hands out a copy, so callers cannot change the rules', () => {
    allowedPacketItemMoves(NEEDED).push(SENT_TO_PROVIDER);
    expect(canMovePacketItem(NEEDED, SENT_TO_PROVIDER)).toBe(false);
  });

  it('never stays put: a move to the same state is refused', () => {
    for (const state of ALL_STATES) expect(canMovePacketItem(state, state)).toBe(false);
  });

  it('cannot send what was never received', () => {
    expect(canMovePacketItem(NEEDED, SENT_TO_PROVIDER)).toBe(false);
    expect(canMovePacketItem(REQUESTED, SENT_TO_PROVIDER)).toBe(false);
    expect(canMovePacketItem(NOT_AVAILABLE, SENT_TO_PROVIDER)).toBe(false);
  });

  it('refuses with VALIDATION_FAILED naming the field and the allowed moves', () => {
    try {
      assertPacketItemMove(NEEDED, SENT_TO_PROVIDER);
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      const e = error as DomainError;
      expect(e.code).toBe(DomainErrorCode.VALIDATION_FAILED);
      expect(e.message).toBe('A packet item cannot move from NEEDED to SENT_TO_PROVIDER');
      expect(e.details).toEqual({
        field: 'state',
        from: NEEDED,
        to: SENT_TO_PROVIDER,
        allowed: [REQUESTED, RECEIVED, NOT_AVAILABLE],
      });
    }
  });

  it('explains a no-op move plainly', () => {
    expect(() => assertPacketItemMove(RECEIVED, RECEIVED)).toThrow('The packet item is already RECEIVED');
  });
});

describe('state groups', () => {
  it.each([
    [NEEDED, false, true],
    [REQUESTED, false, true],
    [RECEIVED, true, false],
    [SENT_TO_PROVIDER, true, false],
    [NOT_AVAILABLE, false, false],
  ])('%s: received %s, outstanding %s', (state, received, outstanding) => {
    expect(isReceivedState(state)).toBe(received);
    expect(isOutstandingState(state)).toBe(outstanding);
  });
});

describe('defaultResponsibleFor', () => {
  it('gives the patient their own timeline and their medications', () => {
    expect(defaultResponsibleFor(PacketItemKind.OWN_TIMELINE)).toBe(ResponsibleParty.PATIENT);
    expect(defaultResponsibleFor(PacketItemKind.MEDICATIONS_ALLERGIES)).toBe(ResponsibleParty.PATIENT);
  });

  it('gives the advocate everything a provider holds', () => {
    const advocateKinds = Object.values(PacketItemKind).filter((k) => k !== PacketItemKind.OWN_TIMELINE && k !== PacketItemKind.MEDICATIONS_ALLERGIES);
    for (const kind of advocateKinds) expect(defaultResponsibleFor(kind)).toBe(ResponsibleParty.ADVOCATE);
  });
});

describe('PACKET_ITEM_KIND_ORDER', () => {
  it('lists every kind exactly once', () => {
    expect([...PACKET_ITEM_KIND_ORDER].sort()).toEqual(Object.values(PacketItemKind).sort());
  });
});

describe('defaultPacketFor', () => {
  const kinds = (triggers: CaseTrigger[], urgency = Urgency.ROUTINE): PacketItemKind[] => defaultPacketFor(triggers, urgency).map((i) => i.kind);

  const ALWAYS = [PacketItemKind.IMAGING_DISC, PacketItemKind.CLINIC_NOTES, PacketItemKind.LABS, PacketItemKind.MEDICATIONS_ALLERGIES, PacketItemKind.OWN_TIMELINE];

  it('a suspected cancer (major diagnosis) asks for pathology slides and report', () => {
    expect(kinds([CaseTrigger.MAJOR_DIAGNOSIS])).toEqual([
      PacketItemKind.PATHOLOGY_SLIDES,
      PacketItemKind.IMAGING_DISC,
      PacketItemKind.PATHOLOGY_REPORT,
      PacketItemKind.CLINIC_NOTES,
      PacketItemKind.LABS,
      PacketItemKind.MEDICATIONS_ALLERGIES,
      PacketItemKind.OWN_TIMELINE,
    ]);
  });

  it('a rare condition asks for slides too', () => {
    expect(kinds([CaseTrigger.RARE_CONDITION])).toEqual(expect.arrayContaining([PacketItemKind.PATHOLOGY_SLIDES, PacketItemKind.PATHOLOGY_REPORT]));
  });

  it.each(Object.values(CaseTrigger))('always includes the core items for %s, routine and urgent', (trigger) => {
    for (const urgency of Object.values(Urgency)) {
      expect(kinds([trigger], urgency)).toEqual(expect.arrayContaining(ALWAYS));
    }
  });

  it('includes the core items even with no trigger recorded yet', () => {
    expect(kinds([])).toEqual([PacketItemKind.IMAGING_DISC, PacketItemKind.CLINIC_NOTES, PacketItemKind.LABS, PacketItemKind.MEDICATIONS_ALLERGIES, PacketItemKind.OWN_TIMELINE]);
  });

  it.each([CaseTrigger.UNCERTAIN_DIAGNOSIS, CaseTrigger.CONFLICTING_INFORMATION])('%s asks for the pathology report but not the slides', (trigger) => {
    const k = kinds([trigger]);
    expect(k).toContain(PacketItemKind.PATHOLOGY_REPORT);
    expect(k).not.toContain(PacketItemKind.PATHOLOGY_SLIDES);
  });

  it.each([CaseTrigger.RISKY_TREATMENT, CaseTrigger.NO_IMPROVEMENT])('%s asks for procedure reports', (trigger) => {
    expect(kinds([trigger])).toContain(PacketItemKind.PROCEDURE_REPORT);
  });

  it.each([CaseTrigger.FEELS_UNHEARD, CaseTrigger.PERSISTENT_DOUBT])('routine %s keeps to the core items', (trigger) => {
    expect(kinds([trigger])).toEqual(ALWAYS); // ALWAYS is written in packet order
  });

  it('urgent cases ask for reports in the first round, but slides only when pathology is central', () => {
    const urgent = kinds([CaseTrigger.PERSISTENT_DOUBT], Urgency.URGENT);
    expect(urgent).toContain(PacketItemKind.PATHOLOGY_REPORT);
    expect(urgent).toContain(PacketItemKind.PROCEDURE_REPORT);
    expect(urgent).not.toContain(PacketItemKind.PATHOLOGY_SLIDES);
    expect(kinds([CaseTrigger.MAJOR_DIAGNOSIS], Urgency.URGENT)).toContain(PacketItemKind.PATHOLOGY_SLIDES);
  });

  it('an urgent suspected cancer gets the full packet except OTHER', () => {
    expect(kinds([CaseTrigger.MAJOR_DIAGNOSIS], Urgency.URGENT)).toEqual(PACKET_ITEM_KIND_ORDER.filter((k) => k !== PacketItemKind.OTHER));
  });

  it('never invents an OTHER item and never repeats a kind', () => {
    const all = Object.values(CaseTrigger);
    for (const urgency of Object.values(Urgency)) {
      const k = kinds(all, urgency);
      expect(k).not.toContain(PacketItemKind.OTHER);
      expect(new Set(k).size).toBe(k.length);
    }
  });

  it('does not care about trigger order or repeats', () => {
    expect(kinds([CaseTrigger.NO_IMPROVEMENT, CaseTrigger.MAJOR_DIAGNOSIS, CaseTrigger.NO_IMPROVEMENT])).toEqual(kinds([CaseTrigger.MAJOR_DIAGNOSIS, CaseTrigger.NO_IMPROVEMENT]));
  });

  it('starts every item NEEDED with the default responsible party', () => {
    const packet = defaultPacketFor([CaseTrigger.MAJOR_DIAGNOSIS, CaseTrigger.RISKY_TREATMENT], Urgency.URGENT);
    for (const item of packet) {
      expect(item.state).toBe(PacketItemState.NEEDED);
      expect(item.responsible).toBe(defaultResponsibleFor(item.kind));
    }
    expect(packet.find((i) => i.kind === PacketItemKind.OWN_TIMELINE)?.responsible).toBe(ResponsibleParty.PATIENT);
    expect(packet.find((i) => i.kind === PacketItemKind.PATHOLOGY_SLIDES)?.responsible).toBe(ResponsibleParty.ADVOCATE);
  });
});
