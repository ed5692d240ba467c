/**
 * @jest-environment @happy-dom/jest-environment
 */
// The patient's questions for the visit: a question is added in the person's own words
// (trimmed, never blank), reworded against the version the form opened with (someone else's
// rewording shows both and loses neither), and moved with up/down buttons that are off at the
// ends of the list (docs/domain.md, "6. Prepare").
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CaseQuestion } from '@second-look/contracts/graphql';
import { refusal, renderPart, type SentRequest } from '@second-look/web-ui/testing';
import { QuestionsList } from './questions-list';

const question = (id: string, text: string, version: number): CaseQuestion => ({ id, starter: null, text, position: Number(id.slice(1)), version });
const questions = [question('q1', 'Do I need surgery at all?', 2), question('q2', 'How soon must I decide?', 1), question('q3', 'What are the risks?', 1)];

const renderList = (answer: (request: SentRequest) => unknown) => renderPart(<QuestionsList caseId="case-1" questions={questions} canEdit />, (r) => answer(r) as { data?: unknown });

const unexpected = (r: SentRequest): never => {
  throw new Error(`unexpected request ${r.operationName ?? r.query}`);
};

// A few renders in happy-dom take seconds when other jobs share the machine's two cores: room beyond Jest's 5 s.
jest.setTimeout(20_000);

describe('QuestionsList', () => {
  it('adds a question in the words typed, trimmed, and says where it went; a blank one cannot be sent', async () => {
    const user = userEvent.setup({ delay: null });
    const { requests } = await renderList((r) => (r.operationName === 'AddCaseQuestion' ? { data: { addCaseQuestion: { id: 'case-1' } } } : unexpected(r)));
    const box = screen.getByRole('textbox', { name: 'Your own question' });
    const add = screen.getByRole('button', { name: '+ Add question' });
    expect(add).toHaveProperty('disabled', true);
    await user.type(box, '   ');
    expect(add).toHaveProperty('disabled', true);

    // Pasted, not typed key by key: the same change to the box, and quick on a busy machine.
    await user.paste('Can I keep working during treatment?  ');
    expect(add).toHaveProperty('disabled', false);
    await user.click(add);
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Your question was added at the end of the list.');
    expect(requests.map((r) => r.variables)).toEqual([{ caseId: 'case-1', text: 'Can I keep working during treatment?' }]);
    expect(box).toHaveProperty('value', '');
  });

  it('moves a question one place with its buttons, which are off at the top and the bottom', async () => {
    const user = userEvent.setup({ delay: null });
    const { requests } = await renderList((r) => (r.operationName === 'MoveCaseQuestion' ? { data: { moveCaseQuestion: { id: 'case-1' } } } : unexpected(r)));
    const list = screen.getByRole('list', { name: 'Questions to ask' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([expect.stringContaining('Do I need surgery at all?'), expect.stringContaining('How soon must I decide?'), expect.stringContaining('What are the risks?')]);
    expect(screen.getByRole('button', { name: 'Move up: Do I need surgery at all?' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Move down: What are the risks?' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Move down: Do I need surgery at all?' })).toHaveProperty('disabled', false);

    await user.click(screen.getByRole('button', { name: 'Move up: How soon must I decide?' }));
    await user.click(screen.getByRole('button', { name: 'Move down: Do I need surgery at all?' }));
    await waitFor(() => expect(requests).toHaveLength(2));
    expect(requests.map((r) => r.variables)).toEqual([
      { id: 'q2', direction: 'UP' },
      { id: 'q1', direction: 'DOWN' },
    ]);
  });

  it('rewords a question against the version it opened with, and refuses a blank one', async () => {
    const user = userEvent.setup({ delay: null });
    const { requests } = await renderList((r) =>
      r.operationName === 'UpdateCaseQuestion' ? { data: { updateCaseQuestion: { id: 'q1', text: 'Is surgery my only option?', version: 3 } } } : unexpected(r),
    );
    await user.click(screen.getByRole('button', { name: 'Edit: Do I need surgery at all?' }));
    const box = screen.getByRole('textbox', { name: 'Question' });
    expect(box).toHaveProperty('value', 'Do I need surgery at all?');
    await user.clear(box);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Please write the question.')).toBeTruthy();
    expect(requests).toHaveLength(0);

    await user.click(box);
    await user.paste(' Is surgery my only option? ');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Question' })).toBeNull());
    expect(requests.map((r) => r.variables)).toEqual([{ id: 'q1', expectedVersion: 2, text: 'Is surgery my only option?' }]);
  });

  it('shows both wordings when someone reworded it first; "Keep mine" saves over the version the refusal named', async () => {
    const user = userEvent.setup({ delay: null });
    const replies = [
      refusal('STALE_VERSION', { currentVersion: 5, current: { text: 'Is surgery really needed?' } }),
      { data: { updateCaseQuestion: { id: 'q1', text: 'Is surgery my only option?', version: 6 } } },
    ];
    const { requests } = await renderList((r) => (r.operationName === 'UpdateCaseQuestion' ? replies.shift() : unexpected(r)));
    await user.click(screen.getByRole('button', { name: 'Edit: Do I need surgery at all?' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Question' }), { target: { value: 'Is surgery my only option?' } });
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const notice = await screen.findByRole('alert');
    expect(notice.textContent).toContain('Someone else saved a change first');
    expect(notice.textContent).toContain('Is surgery really needed?');
    expect(notice.textContent).toContain('Is surgery my only option?');
    // Nothing is lost: the person's words are still in the box.
    expect(screen.getByRole('textbox', { name: 'Question' })).toHaveProperty('value', 'Is surgery my only option?');

    await user.click(within(notice).getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Question' })).toBeNull());
    expect(requests.map((r) => r.variables)).toEqual([
      { id: 'q1', expectedVersion: 2, text: 'Is surgery my only option?' },
      { id: 'q1', expectedVersion: 5, text: 'Is surgery my only option?' },
    ]);
  });

  it('"Use theirs" drops the rewording and sends nothing more', async () => {
    const user = userEvent.setup({ delay: null });
    const { requests } = await renderList((r) =>
      r.operationName === 'UpdateCaseQuestion' ? refusal('STALE_VERSION', { currentVersion: 5, current: { text: 'Is surgery really needed?' } }) : unexpected(r),
    );
    await user.click(screen.getByRole('button', { name: 'Edit: Do I need surgery at all?' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Question' }), { target: { value: 'Mine.' } });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(await screen.findByRole('button', { name: 'Use theirs' }));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Question' })).toBeNull());
    expect(requests).toHaveLength(1);
  });
});
