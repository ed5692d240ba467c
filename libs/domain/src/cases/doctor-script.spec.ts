import { DomainError } from '../errors/domain-error';
import { assertDoctorScriptBody, BUILT_IN_DOCTOR_SCRIPTS, DoctorScriptPurpose, DoctorScriptSituation, MAX_DOCTOR_SCRIPT_LENGTH, parseDoctorScriptSource, scriptsFor } from './doctor-script';

describe('doctor scripts', () => {
  it('cover every situation, and each purpose somewhere, with unique keys', () => {
    const keys = BUILT_IN_DOCTOR_SCRIPTS.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const situation of Object.values(DoctorScriptSituation)) expect(BUILT_IN_DOCTOR_SCRIPTS.some((s) => s.situation === situation)).toBe(true);
    for (const purpose of Object.values(DoctorScriptPurpose)) expect(BUILT_IN_DOCTOR_SCRIPTS.some((s) => s.purpose === purpose)).toBe(true);
  });

  it('knows where a saved script came from, and refuses a key that is not in the library', () => {
    expect(parseDoctorScriptSource('rushed-records')).toEqual({ kind: 'BUILT_IN', key: 'rushed-records' });
    expect(parseDoctorScriptSource('org:abc')).toEqual({ kind: 'ORGANIZATION', id: 'abc' });
    expect(parseDoctorScriptSource(null)).toEqual({ kind: 'OWN' });
    expect(() => parseDoctorScriptSource('made-up')).toThrow(DomainError);
  });

  it('keeps a script between one character and the limit, trimmed', () => {
    expect(assertDoctorScriptBody('  Hello doctor  ')).toBe('Hello doctor');
    expect(() => assertDoctorScriptBody('   ')).toThrow(DomainError);
    expect(() => assertDoctorScriptBody('x'.repeat(MAX_DOCTOR_SCRIPT_LENGTH + 1))).toThrow(DomainError);
    expect(assertDoctorScriptBody('x'.repeat(MAX_DOCTOR_SCRIPT_LENGTH))).toHaveLength(MAX_DOCTOR_SCRIPT_LENGTH);
  });

  it('puts the scripts for the chosen situation first, and loses none', () => {
    const list = scriptsFor(DoctorScriptSituation.RUSHED_DOCTOR);
    expect(list.slice(0, 2).every((s) => s.situation === DoctorScriptSituation.RUSHED_DOCTOR)).toBe(true);
    expect(list).toHaveLength(BUILT_IN_DOCTOR_SCRIPTS.length);
    expect(scriptsFor(null)).toEqual(BUILT_IN_DOCTOR_SCRIPTS);
  });
});
