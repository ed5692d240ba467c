/**
 * @jest-environment @happy-dom/jest-environment
 */
// The dates a new record request starts its clocks from (docs/domain.md, "The clock"): the plan
// target counts from the day it was sent, the legal 30 days from the day the holder received it,
// or from the day sent when that is left empty. Neither day may be in the future, and the day
// received cannot come before the day sent.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CaseDetail, PacketItem } from '@second-look/contracts/graphql';
import { PacketItemKind, PacketItemState } from '@second-look/domain';
import { addDays, orgToday } from '@second-look/web-ui';
import type { SentRequest } from '@second-look/web-ui/testing';
import { NewRequestForm } from './new-request-form';
import { renderSignedIn, ZONE } from './signed-in.testing';

const today = orgToday(ZONE);

const kase = { id: 'case-1', patientName: 'Rosa Diaz', participants: [], leadAdvocate: null } as unknown as CaseDetail;
const packet = [{ id: 'item-1', kind: PacketItemKind.LABS, title: '', state: PacketItemState.NEEDED, holder: null }] as unknown as PacketItem[];
const holder = { id: 'holder-1', name: 'Mercy Hospital', department: 'Health information', phone: '', fax: '555-0100', email: '', portalUrl: '', address: '' };

async function renderForm(onDone = jest.fn()) {
  const rendered = await renderSignedIn(<NewRequestForm item={kase} packet={packet} onDone={onDone} />, (r) => {
    if (r.operationName === 'RecordHolders') return { data: { recordHolders: [holder] } };
    if (r.operationName === 'CreateRecordRequest') return { data: { createRecordRequest: { id: 'request-1' } } };
    return undefined;
  });
  const user = userEvent.setup({ delay: null });
  await user.type(await screen.findByLabelText('Record holder', { selector: 'input' }), 'Mercy');
  // The dropdown's open transition never finishes in happy-dom (no layout), so it stays display:none there.
  await user.click(await screen.findByRole('option', { name: 'Mercy Hospital, Health information', hidden: true }));
  await user.click(screen.getByRole('checkbox', { name: /Lab results|Labs/ }));
  return { ...rendered, user, onDone };
}

const created = (requests: SentRequest[]) => requests.filter((r) => r.operationName === 'CreateRecordRequest').map((r) => r.variables['input']);

// A few renders in happy-dom take seconds when other jobs share the machine's two cores: room beyond Jest's 5 s.
jest.setTimeout(20_000);

describe('NewRequestForm: the dates the clocks start from', () => {
  it('starts on today, refuses a day sent in the future, and a day received in the future or before the day sent', async () => {
    const { user, requests } = await renderForm();
    const sentOn = screen.getByLabelText(/Date sent/);
    const receivedOn = screen.getByLabelText(/Date they received it/);
    expect(sentOn).toHaveProperty('value', today);
    expect(receivedOn).toHaveProperty('value', '');

    fireEvent.change(sentOn, { target: { value: addDays(today, 1) } });
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    expect(await screen.findByText('This date is in the future. Please choose today or earlier.')).toBeTruthy();

    fireEvent.change(sentOn, { target: { value: addDays(today, -5) } });
    fireEvent.change(receivedOn, { target: { value: addDays(today, -6) } });
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    expect(await screen.findByText('This date is before the request was sent.')).toBeTruthy();

    fireEvent.change(receivedOn, { target: { value: addDays(today, 1) } });
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    expect(await screen.findByText('This date is in the future. Please choose today or earlier.')).toBeTruthy();
    expect(created(requests)).toEqual([]);
  });

  it('sends the day sent, and no day received when it is left empty (the legal days then count from sending)', async () => {
    const { user, requests, onDone } = await renderForm();
    const sentOn = addDays(today, -3);
    fireEvent.change(screen.getByLabelText(/Date sent/), { target: { value: sentOn } });
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(created(requests)).toEqual([expect.objectContaining({ caseId: 'case-1', holderId: 'holder-1', packetItemIds: ['item-1'], sentOn, holderReceivedOn: null })]);
    expect(onDone).toHaveBeenCalledWith({ id: 'request-1' });
  });

  it('sends the day received when it is known', async () => {
    const { user, requests, onDone } = await renderForm();
    const sentOn = addDays(today, -3);
    fireEvent.change(screen.getByLabelText(/Date sent/), { target: { value: sentOn } });
    fireEvent.change(screen.getByLabelText(/Date they received it/), { target: { value: addDays(today, -1) } });
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(created(requests)).toEqual([expect.objectContaining({ sentOn, holderReceivedOn: addDays(today, -1) })]);
  });
});
