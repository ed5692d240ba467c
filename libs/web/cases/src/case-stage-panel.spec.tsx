/**
 * @jest-environment @happy-dom/jest-environment
 */
// On a phone the stage panel folds the list of every step away behind "Show all steps": the list
// is drawn when it opens, not kept hidden in the page (the theme's Collapse default).
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CaseDetail } from '@second-look/contracts/graphql';
import { CaseStage } from '@second-look/domain';
import { renderPart } from '@second-look/web-ui/testing';
import { CaseStagePanel } from './case-stage-panel';

// A few renders in happy-dom take seconds when other jobs share the machine's two cores: room beyond Jest's 5 s.
jest.setTimeout(20_000);

const item = {
  id: 'case-1',
  version: 3,
  stage: CaseStage.GATHER_RECORDS,
  allowedStageMoves: [],
  permissions: { moveStage: false },
} as unknown as CaseDetail;

describe('CaseStagePanel on a phone', () => {
  beforeAll(() => {
    (window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }).happyDOM.setViewport({ width: 390, height: 844 });
  });

  it('draws the list of every step only while it is open', async () => {
    const user = userEvent.setup();
    await renderPart(<CaseStagePanel item={item} />);
    const show = screen.getByRole('button', { name: 'Show all steps' });
    expect(show.getAttribute('aria-expanded')).toBe('false');
    const list = document.getElementById(show.getAttribute('aria-controls')!);
    expect(list).not.toBeNull();
    expect(list!.textContent).toBe('');

    await user.click(show);
    const hide = await screen.findByRole('button', { name: /Hide/ });
    expect(hide.getAttribute('aria-expanded')).toBe('true');
    expect(list!.textContent).toContain('Decide');
    expect(list!.querySelector('[aria-current="step"]')?.textContent).toContain('Gather');
  });
});
