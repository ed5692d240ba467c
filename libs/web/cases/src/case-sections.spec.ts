import { CASE_STAGE_ORDER, CaseStage } from '@second-look/domain';
import { CASE_SECTIONS, caseSectionOrder, isCaseSection, stageSection } from './case-sections';

describe('case page sections', () => {
  it('puts the current stage’s part first and keeps every part exactly once', () => {
    for (const stage of CASE_STAGE_ORDER) {
      const order = caseSectionOrder(stage);
      expect(order[0]).toBe(stageSection(stage));
      expect([...order].sort()).toEqual([...CASE_SECTIONS].sort());
      expect(order.at(-1)).toBe('people');
    }
  });

  it('sends each stage to the part where its work is done', () => {
    expect(caseSectionOrder(CaseStage.GATHER_RECORDS).slice(0, 3)).toEqual(['records', 'overview', 'tasks']);
    expect(stageSection(CaseStage.PREPARE)).toBe('visit');
    expect(stageSection(CaseStage.APPOINTMENT)).toBe('visit');
    expect(stageSection(CaseStage.COMPARE_AND_DECIDE)).toBe('opinions');
    expect(stageSection(CaseStage.CLOSED)).toBe('overview');
  });

  it('knows its own addresses and nothing else', () => {
    expect(isCaseSection('records')).toBe(true);
    expect(isCaseSection('constructor')).toBe(false);
    expect(isCaseSection('')).toBe(false);
  });
});
