import { DomainError } from '../errors/domain-error';
import {
  assertCandidateFields,
  assertChoiceReason,
  CandidateStrength,
  candidateStrengths,
  normalizeSpecialty,
  ProviderHint,
  ProviderNetworkStatus,
  providerSpecialtyHint,
  ProviderVisitMode,
} from './provider-candidate';

const fieldOf = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? [e.code, e.details?.field] : e;
  }
  return 'no error';
};

describe('provider candidates', () => {
  it('treats differently typed specialty names as one', () => {
    expect(normalizeSpecialty('  Medical   Oncology ')).toBe('medical oncology');
    expect(normalizeSpecialty('Surgical-oncology')).toBe('surgical oncology');
    expect(normalizeSpecialty(null)).toBe('');
  });

  it('needs a name and a specialty, and a wait of 0 to 365 whole days', () => {
    expect(fieldOf(() => assertCandidateFields({ name: ' ', specialty: 'x' }))).toEqual(['VALIDATION_FAILED', 'name']);
    expect(fieldOf(() => assertCandidateFields({ name: 'Dr A', specialty: '' }))).toEqual(['VALIDATION_FAILED', 'specialty']);
    for (const bad of [-1, 366, 2.5]) {
      expect(fieldOf(() => assertCandidateFields({ name: 'Dr A', specialty: 'x', expectedWaitDays: bad }))).toEqual(['VALIDATION_FAILED', 'expectedWaitDays']);
    }
    for (const ok of [0, 14, 365, null, undefined]) {
      expect(fieldOf(() => assertCandidateFields({ name: 'Dr A', specialty: 'x', expectedWaitDays: ok }))).toBe('no error');
    }
  });

  it('keeps the reason for a choice, and refuses an empty one', () => {
    expect(assertChoiceReason('  Academic center, in network  ')).toBe('Academic center, in network');
    expect(fieldOf(() => assertChoiceReason('  '))).toEqual(['VALIDATION_FAILED', 'reason']);
  });

  describe('the same-specialty hint', () => {
    const surgeon = { specialty: 'Surgery', subSpecialty: 'Breast surgery' };
    it('says nothing without candidates', () => {
      expect(providerSpecialtyHint(surgeon, [])).toBeNull();
    });
    it('asks for the current specialty when it is unknown', () => {
      expect(providerSpecialtyHint(null, [surgeon])).toBe(ProviderHint.CURRENT_SPECIALTY_UNKNOWN);
      expect(providerSpecialtyHint({ specialty: ' ' }, [surgeon])).toBe(ProviderHint.CURRENT_SPECIALTY_UNKNOWN);
    });
    it('flags candidates who all share the specialty and sub-specialty', () => {
      expect(providerSpecialtyHint(surgeon, [{ specialty: 'surgery', subSpecialty: 'breast  surgery' }, surgeon])).toBe(ProviderHint.SAME_SPECIALTY_AND_SUB_SPECIALTY);
    });
    it('still flags a shared specialty when sub-specialties differ', () => {
      expect(providerSpecialtyHint(surgeon, [surgeon, { specialty: 'Surgery', subSpecialty: 'Surgical oncology' }])).toBe(ProviderHint.SAME_SPECIALTY);
    });
    it('is quiet once one candidate brings another specialty', () => {
      expect(providerSpecialtyHint(surgeon, [surgeon, { specialty: 'Medical oncology' }])).toBeNull();
    });
    it('compares a missing sub-specialty as empty on both sides', () => {
      expect(providerSpecialtyHint({ specialty: 'Cardiology' }, [{ specialty: 'cardiology', subSpecialty: null }])).toBe(ProviderHint.SAME_SPECIALTY_AND_SUB_SPECIALTY);
    });
  });

  it('lists what speaks for each candidate', () => {
    const base = { academicCentre: false, otherHealthSystem: false, network: ProviderNetworkStatus.UNKNOWN, visitMode: ProviderVisitMode.IN_PERSON, expectedWaitDays: null };
    const strengths = candidateStrengths({ specialty: 'Surgery', subSpecialty: 'Breast surgery' }, [
      { ...base, specialty: 'Surgery', subSpecialty: 'Breast surgery', academicCentre: true, expectedWaitDays: 21 },
      { ...base, specialty: 'Medical oncology', network: ProviderNetworkStatus.IN_NETWORK, otherHealthSystem: true, expectedWaitDays: 7 },
      { ...base, specialty: 'Surgery', subSpecialty: null },
    ]);
    expect(strengths).toEqual([
      [CandidateStrength.ACADEMIC_CENTRE],
      [CandidateStrength.OTHER_HEALTH_SYSTEM, CandidateStrength.IN_NETWORK, CandidateStrength.DIFFERENT_LENS, CandidateStrength.SHORTEST_WAIT],
      [CandidateStrength.DIFFERENT_LENS],
    ]);
    // One wait alone is not "the shortest"; no current specialty means no lens to compare.
    expect(candidateStrengths(null, [{ ...base, specialty: 'X', expectedWaitDays: 3 }])).toEqual([[]]);
  });
});
