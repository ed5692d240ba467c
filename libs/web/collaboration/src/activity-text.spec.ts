import i18next from 'i18next';
import { CaseEventKind, CaseStage, Role, activityGroupOf } from '@second-look/domain';
import type { CaseActivityLine } from '@second-look/contracts/graphql';
import { activityWords, en, enumsWords } from '@second-look/web-i18n';
import { activityText } from './activity-text';

const t = i18next.createInstance();
void t.init({ resources: { en: { translation: { ...en, ...activityWords.en, ...enumsWords.en } } }, lng: 'en', initAsync: false, interpolation: { escapeValue: false } });

const line = (kind: CaseEventKind, change: string | null, extra: Partial<CaseActivityLine> = {}): CaseActivityLine => ({
  id: 'l1',
  kind,
  group: activityGroupOf(kind),
  at: '2026-12-01T10:00:00Z',
  entityId: null,
  staffOnly: false,
  fields: [],
  fromStage: null,
  toStage: null,
  itemKind: null,
  change,
  actor: { id: 'u1', displayName: 'Maria Lopez', role: Role.PATIENT },
  ...extra,
});

describe('activity lines of the journey', () => {
  it('words each step in plain language', () => {
    expect(activityText(t.t, line(CaseEventKind.QUESTION_CHANGED, 'added'))).toBe('Maria Lopez added a question');
    expect(activityText(t.t, line(CaseEventKind.QUESTION_CHANGED, 'removed'))).toBe('Maria Lopez took a question off the list');
    expect(activityText(t.t, line(CaseEventKind.APPOINTMENT_CHANGED, 'booked'))).toBe('Maria Lopez booked an appointment');
    expect(activityText(t.t, line(CaseEventKind.OPINION_CHANGED, 'added'))).toBe('Maria Lopez added an opinion');
    expect(activityText(t.t, line(CaseEventKind.PROVIDER_CHANGED, 'chosen'))).toBe('Maria Lopez chose a provider');
    expect(activityText(t.t, line(CaseEventKind.INSURANCE_CHANGED, 'call'))).toBe('Maria Lopez logged a call to the insurer');
    expect(activityText(t.t, line(CaseEventKind.STAGE_MOVED, 'closed', { toStage: CaseStage.CLOSED }))).toBe('Maria Lopez closed the case');
  });

  it('falls back to the general line for a step it does not know, and has one for every kind', () => {
    expect(activityText(t.t, line(CaseEventKind.QUESTION_CHANGED, 'something-new'))).toBe('Maria Lopez updated the question list');
    for (const kind of Object.values(CaseEventKind).filter((k) => k !== CaseEventKind.SUBSCRIBED)) {
      expect(activityText(t.t, line(kind, null))).toMatch(/^Maria Lopez /);
    }
  });
});
