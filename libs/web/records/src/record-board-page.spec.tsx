/**
 * @jest-environment @happy-dom/jest-environment
 */
// The board's title and introduction are its largest paint: they are drawn at once, with the
// loader under them, not with the board's answer (docs/architecture.md, "First screens").
import { screen, waitFor } from '@testing-library/react';
import type { Reply } from '@second-look/web-ui/testing';
import { RecordBoardPage } from './record-board-page';
import { renderSignedIn } from './signed-in.testing';

// A few renders in happy-dom take seconds when other jobs share the machine's two cores: room beyond Jest's 5 s.
jest.setTimeout(20_000);

const emptyBoard: Reply = {
  data: {
    recordBoard: {
      today: '2026-12-07',
      counts: { open: 0, onTrack: 0, atRisk: 0, overdue: 0 },
      byHolder: [],
      requests: { nodes: [], pageInfo: { endCursor: null, hasNextPage: false }, totalCount: 0 },
    },
  },
};

describe('RecordBoardPage', () => {
  it('draws its title and what it is for while the board is on its way, and the board under them when it comes', async () => {
    let answerBoard!: (reply: Reply) => void;
    const board = new Promise<Reply>((resolve) => (answerBoard = resolve));
    const { requests } = await renderSignedIn(<RecordBoardPage />, (r) =>
      r.operationName === 'RecordBoard' ? board : r.operationName === 'RecordHolders' ? { data: { recordHolders: [] } } : r.operationName === 'Members' ? { data: { members: [] } } : undefined,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Pending records' })).toBeTruthy();
    expect(screen.getByText('Every open record request in your organization, with the plan target and the legal due date.')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('Loading');
    await waitFor(() => expect(requests.some((r) => r.operationName === 'RecordBoard')).toBe(true));
    expect(screen.queryByRole('heading', { level: 2 })).toBeNull();

    answerBoard(emptyBoard);
    expect(await screen.findByRole('heading', { level: 2, name: /^0 / })).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.queryByText('Loading…')).toBeNull();
  });
});
