/**
 * @jest-environment @happy-dom/jest-environment
 */
// A record request's legal clock (docs/domain.md, "The clock"): 30 days from the day the holder
// received it (the day sent when that is unknown), one extension to a later date but never past
// 60 days from receipt, with their written reason. The day received cannot be in the future nor
// before the request was sent, and is saved against the version the form opened with.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ActionableRecordRequest } from '@second-look/contracts/graphql';
import { ClockStatus } from '@second-look/domain';
import { addDays, formatDay, orgToday } from '@second-look/web-ui';
import { refusal, type Reply, type SentRequest } from '@second-look/web-ui/testing';
import { RequestActions } from './request-actions';
import { renderSignedIn, ZONE } from './signed-in.testing';

const today = orgToday(ZONE);
const sentOn = addDays(today, -10);
const day = (d: string) => formatDay(d, 'en');

const request = (over: Partial<ActionableRecordRequest> = {}): ActionableRecordRequest => ({
  id: 'request-1',
  version: 7,
  sentOn,
  holderReceivedOn: null,
  extensionReason: null,
  completedOn: null,
  feeCents: null,
  legal: { dueOn: addDays(sentOn, 30), status: ClockStatus.ON_TRACK, daysLeft: 20 },
  items: [],
  holder: { id: 'holder-1', name: 'Mercy Hospital' },
  ...over,
});

const renderActions = (item: ActionableRecordRequest, answer: (r: SentRequest) => Reply | undefined) => renderSignedIn(<RequestActions request={item} />, answer);

const sent = (requests: SentRequest[]) => requests.filter((r) => r.operationName !== 'Me').map((r) => r.variables['input']);

// A few renders in happy-dom take seconds when other jobs share the machine's two cores: room beyond Jest's 5 s.
jest.setTimeout(20_000);

describe('RequestActions: the legal due date and its extension', () => {
  it('offers the latest lawful date, refuses one past it, one not after the current due date and a missing reason', async () => {
    const user = userEvent.setup({ delay: null });
    const item = request();
    const max = addDays(sentOn, 60);
    const { requests } = await renderActions(item, () => undefined);
    await user.click(await screen.findByRole('button', { name: 'Record an extension' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record an extension from Mercy Hospital' });
    expect(dialog.textContent).toContain(`The latest possible date is ${day(max)}.`);
    const date = within(dialog).getByLabelText(/New due date/);
    expect(date).toHaveProperty('value', max);

    fireEvent.change(date, { target: { value: addDays(max, 1) } });
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText(`The new date can be at most ${day(max)}.`)).toBeTruthy();
    expect(within(dialog).getByText('Please fill this in.')).toBeTruthy();
    // With their reason written, a date past the limit is still not sent.
    await user.click(within(dialog).getByLabelText(/Their reason/));
    await user.paste('Records are in off-site storage.');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    fireEvent.change(date, { target: { value: item.legal.dueOn } });
    expect(await within(dialog).findByText(`The new date must be after the current due date (${day(item.legal.dueOn)}).`)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    fireEvent.change(date, { target: { value: '' } });
    expect(await within(dialog).findByText('Please enter a date.')).toBeTruthy();
    expect(sent(requests)).toEqual([]);
  });

  it('counts the 60 days from the day the holder received it, and saves the new date with their reason', async () => {
    const user = userEvent.setup({ delay: null });
    const holderReceivedOn = addDays(sentOn, 4);
    const item = request({ holderReceivedOn, legal: { dueOn: addDays(holderReceivedOn, 30), status: ClockStatus.ON_TRACK, daysLeft: 24 } });
    const newDueOn = addDays(holderReceivedOn, 45);
    const { requests } = await renderActions(item, (r) =>
      r.operationName === 'RecordLegalExtension' ? { data: { recordLegalExtension: { id: 'request-1', legal: { dueOn: newDueOn } } } } : undefined,
    );
    await user.click(await screen.findByRole('button', { name: 'Record an extension' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record an extension from Mercy Hospital' });
    const date = within(dialog).getByLabelText(/New due date/);
    expect(date).toHaveProperty('value', addDays(holderReceivedOn, 60));

    fireEvent.change(date, { target: { value: newDueOn } });
    await user.click(within(dialog).getByLabelText(/Their reason/));
    await user.paste('  Records are in off-site storage. ');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', `Extension saved. The legal due date is now ${day(newDueOn)}.`);
    expect(sent(requests)).toEqual([{ requestId: 'request-1', newDueOn, reason: 'Records are in off-site storage.' }]);
  });

  it('offers no second extension', async () => {
    await renderActions(request({ extensionReason: 'Off-site storage.' }), () => undefined);
    expect(await screen.findByRole('button', { name: 'Date they got it' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Record an extension' })).toBeNull();
  });
});

describe('RequestActions: the day the holder received the request', () => {
  it('starts from the day sent, refuses a day in the future or before sending, and saves against the version it opened with', async () => {
    const user = userEvent.setup({ delay: null });
    const received = addDays(sentOn, 3);
    const { requests } = await renderActions(request(), (r) =>
      r.operationName === 'SetRecordRequestHolderReceivedOn' ? { data: { setRecordRequestHolderReceivedOn: { id: 'request-1', version: 8, holderReceivedOn: received } } } : undefined,
    );
    await user.click(await screen.findByRole('button', { name: 'Date they got it' }));
    const dialog = await screen.findByRole('dialog', { name: 'When Mercy Hospital received the request' });
    const date = within(dialog).getByLabelText(/Date they received it/);
    expect(date).toHaveProperty('value', sentOn);

    fireEvent.change(date, { target: { value: addDays(today, 1) } });
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('This date is in the future. Please choose today or earlier.')).toBeTruthy();
    fireEvent.change(date, { target: { value: addDays(sentOn, -1) } });
    expect(await within(dialog).findByText('This date is before the request was sent.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(sent(requests)).toEqual([]);

    fireEvent.change(date, { target: { value: received } });
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', `Saved: they received it on ${day(received)}. The legal 30 days count from that day.`);
    expect(sent(requests)).toEqual([{ requestId: 'request-1', expectedVersion: 7, holderReceivedOn: received }]);
  });

  it('shows both days when someone changed it first, and "Keep mine" saves over the version the refusal named', async () => {
    const user = userEvent.setup({ delay: null });
    const mine = addDays(sentOn, 2);
    const replies: Reply[] = [
      refusal('STALE_VERSION', { currentVersion: 9, current: { holderReceivedOn: null } }),
      { data: { setRecordRequestHolderReceivedOn: { id: 'request-1', version: 10, holderReceivedOn: mine } } },
    ];
    const { requests } = await renderActions(request({ holderReceivedOn: addDays(sentOn, 1) }), (r) => (r.operationName === 'SetRecordRequestHolderReceivedOn' ? replies.shift() : undefined));
    await user.click(await screen.findByRole('button', { name: 'Date they got it' }));
    const dialog = await screen.findByRole('dialog', { name: 'When Mercy Hospital received the request' });
    fireEvent.change(within(dialog).getByLabelText(/Date they received it/), { target: { value: mine } });
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    const notice = await within(dialog).findByRole('alert');
    expect(notice.textContent).toContain('Someone else saved a change first');
    expect(notice.textContent).toContain('not known (counted from the date sent)');
    expect(notice.textContent).toContain(day(mine));
    await user.click(within(notice).getByRole('button', { name: 'Keep mine' }));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', `Saved: they received it on ${day(mine)}. The legal 30 days count from that day.`);
    expect(sent(requests)).toEqual([
      { requestId: 'request-1', expectedVersion: 7, holderReceivedOn: mine },
      { requestId: 'request-1', expectedVersion: 9, holderReceivedOn: mine },
    ]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
