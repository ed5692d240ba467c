/**
 * @jest-environment @happy-dom/jest-environment
 */
// The summary is a versioned field edited by two people at once: a save over someone else's is
// refused by the API (STALE_VERSION) and the form must show both texts, lose neither, and save
// "Keep mine" against the version the refusal named — never silently over theirs.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CaseDetail } from '@second-look/contracts/graphql';
import { refusal, renderPart } from '@second-look/web-ui/testing';
import { CaseSummaryPanel } from './case-summary-panel';

const item = {
  id: 'case-1',
  version: 3,
  summary: 'Biopsy done; waiting for the pathology report.',
  permissions: { edit: true },
} as unknown as CaseDetail;

const updated = (summary: string, version: number) => ({ data: { updateCase: { __typename: 'Case', id: 'case-1', version, summary } } });

describe('CaseSummaryPanel', () => {
  it('saves an edit against the version it started from', async () => {
    const user = userEvent.setup();
    const { requests } = await renderPart(<CaseSummaryPanel item={item} reload={() => undefined} />, () => updated('Pathology report came back.', 4));
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const box = screen.getByRole('textbox', { name: 'Case summary' });
    await user.clear(box);
    await user.type(box, 'Pathology report came back.');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(requests).toHaveLength(1);
    expect(requests[0]!.variables).toEqual({ input: { id: 'case-1', expectedVersion: 3, summary: 'Pathology report came back.' } });
  });

  it('shows both texts when someone saved first, and "Keep mine" saves over the version named in the refusal', async () => {
    const user = userEvent.setup();
    const reload = jest.fn();
    const replies = [refusal('STALE_VERSION', { currentVersion: 5, current: { summary: 'Surgery moved to the 12th.' } }), updated('My own words.', 6)];
    const { requests } = await renderPart(<CaseSummaryPanel item={item} reload={reload} />, () => replies.shift()!);
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const box = screen.getByRole('textbox', { name: 'Case summary' });
    fireEvent.change(box, { target: { value: 'My own words.' } });
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const notice = await screen.findByTestId('conflict');
    expect(notice.textContent).toContain('Surgery moved to the 12th.');
    expect(notice.textContent).toContain('My own words.');
    // Nothing was lost: the person's text is still in the box, and the case was read again.
    expect(screen.getByRole('textbox', { name: 'Case summary' })).toHaveProperty('value', 'My own words.');
    expect(reload).toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Keep mine' }));
    await screen.findByText('Saved.');
    expect(requests.map((r) => r.variables['input'])).toEqual([
      { id: 'case-1', expectedVersion: 3, summary: 'My own words.' },
      { id: 'case-1', expectedVersion: 5, summary: 'My own words.' },
    ]);
  });

  it('"Use theirs" drops the draft and sends nothing more', async () => {
    const user = userEvent.setup();
    const { requests } = await renderPart(<CaseSummaryPanel item={item} reload={() => undefined} />, () => refusal('STALE_VERSION', { currentVersion: 5, current: { summary: 'Theirs.' } }));
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Case summary' }), { target: { value: 'Mine.' } });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(await screen.findByRole('button', { name: 'Use theirs' }));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Case summary' })).toBeNull());
    expect(requests).toHaveLength(1);
  });
});
