import { StarterQuestion } from '../appointments/questions';
import { CASE_STAGE_ORDER, CaseStage } from '../cases/case-stage';
import { BUILT_IN_DOCTOR_SCRIPTS } from '../cases/doctor-script';
import { LANGUAGES } from './language';
import { DOCTOR_SCRIPT_TEXT, doctorScriptText, STAGE_GUIDE, STARTER_QUESTION_TEXT, stageGuide, starterQuestionText } from './patient-library';

/** Every text of an entry, by language: [path, English, Spanish]. */
function pairs(): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const [key, t] of Object.entries(DOCTOR_SCRIPT_TEXT)) {
    out.push([`script ${key} title`, t.en.title, t.es.title], [`script ${key} body`, t.en.body, t.es.body]);
  }
  for (const [q, t] of Object.entries(STARTER_QUESTION_TEXT)) out.push([`question ${q}`, t.en, t.es]);
  for (const [stage, t] of Object.entries(STAGE_GUIDE)) {
    for (const field of ['name', 'explanation', 'tip'] as const) out.push([`stage ${stage} ${field}`, t.en[field], t.es[field]]);
  }
  return out;
}

/** Words only Spanish writes: an entry with none of them was likely left in English. */
const SPANISH = /[áéíóúñ¿¡]|\b(el|la|los|las|de|del|su|sus|que|con|por|para|una?|y|es|mi|le|se)\b/i;

describe('the patient-facing library in English and Spanish', () => {
  it('has words for every built-in script, every suggested question and every stage', () => {
    expect(Object.keys(DOCTOR_SCRIPT_TEXT).sort()).toEqual(BUILT_IN_DOCTOR_SCRIPTS.map((s) => s.key).sort());
    expect(Object.keys(STARTER_QUESTION_TEXT).sort()).toEqual(Object.values(StarterQuestion).sort());
    expect(Object.keys(STAGE_GUIDE).sort()).toEqual([...CASE_STAGE_ORDER].sort());
  });

  it.each(pairs())('%s: both languages written, and different', (_path, en, es) => {
    expect(en.trim()).not.toBe('');
    expect(es.trim()).not.toBe('');
    expect(es).not.toBe(en);
    // A one-word stage name ("Decidir") has no article to tell by; a sentence always does.
    if (es.split(' ').length > 2) expect(es).toMatch(SPANISH);
  });

  it('every entry exists in every language', () => {
    for (const lang of LANGUAGES) {
      for (const s of BUILT_IN_DOCTOR_SCRIPTS) expect(doctorScriptText(s.key, lang)?.body).toBeTruthy();
      for (const q of Object.values(StarterQuestion)) expect(starterQuestionText(q, lang)).toBeTruthy();
      for (const stage of CASE_STAGE_ORDER) expect(stageGuide(stage, lang).name).toBeTruthy();
    }
  });

  it('Spanish questions open and close as Spanish questions do (¿ … ?)', () => {
    for (const t of Object.values(STARTER_QUESTION_TEXT)) expect(t.es).toMatch(/^¿.*\?$/);
  });

  it('uses the terms US Spanish-language patient materials use, and addresses the reader as usted', () => {
    const all = pairs()
      .map(([, , es]) => es)
      .join(' ');
    for (const term of ['segunda opinión', 'expediente médico', 'seguro médico', 'autorización previa', 'remisión']) expect(all).toContain(term);
    // tú forms a bilingual health writer would not use with patients
    expect(all).not.toMatch(/\b(tú|tienes|puedes|quieres|tu médico)\b/i);
  });

  it('an unknown script key has no words; English is the default', () => {
    expect(doctorScriptText('nope', 'es')).toBeUndefined();
    expect(stageGuide(CaseStage.PREPARE).name).toBe('Prepare');
  });
});
