import { addDays, CalendarDate, PacketItemKind, PacketItemState, planTargetDate, ResponsibleParty, startLegalClock, todayInZone, Urgency } from '@second-look/domain';
import { PacketItem, RecordHolder, RecordRequest, RecordRequestItem, RequestMethod } from '@second-look/server-records';
import { DataSource } from 'typeorm';
import { DEMO } from './demo-seed';

/**
 * Records for the demo that `npm start` and the Compose `migrate` service show: a packet on
 * Maria's and David's cases and open record requests at different ages, so the coordinator's
 * board has something to chase and moving the demo clock (`npm run demo:clock -- +7d`) makes
 * reminders fire. Dates are relative to the day the demo is first seeded.
 *
 * The rows are inserted directly, like the rest of the seed; their reminders are written by
 * the worker's reconcile at start-up (the record-request job source plans every open request
 * that has none pending), the same path that rebuilds them after Redis lost its data.
 *
 * Kept out of `seedDemo` on purpose: the test suites seed the demo organizations too and
 * count what is on their boards.
 */
export async function seedDemoRecords(ds: DataSource, now = new Date()): Promise<void> {
  const harbor = DEMO.orgs.harbor;
  const today = todayInZone(now, 'America/Chicago');
  const ago = (days: number): CalendarDate => addDays(today, -days);
  await ds.transaction(async (m) => {
    await m
      .createQueryBuilder()
      .insert()
      .into(RecordHolder)
      .orIgnore()
      .values([
        {
          id: '2a000000-0000-4000-8000-000000000001',
          organizationId: harbor,
          name: 'Lakeview Imaging Center',
          department: 'Film library',
          phone: '555-0121',
          fax: '555-0122',
          email: 'films@lakeview-imaging.example',
          address: '400 Lake St, Chicago, IL',
        },
        {
          id: '2a000000-0000-4000-8000-000000000002',
          organizationId: harbor,
          name: 'Mercy Lakes Hospital',
          department: 'Pathology',
          phone: '555-0131',
          fax: '555-0132',
          portalUrl: 'https://portal.mercylakes.example',
        },
        {
          id: '2a000000-0000-4000-8000-000000000003',
          organizationId: harbor,
          name: 'Riverside Family Clinic',
          department: 'Health information',
          phone: '555-0141',
          email: 'records@riverside-clinic.example',
        },
      ])
      .execute();

    const item = (n: string, caseId: string, kind: PacketItemKind, title: string, state: PacketItemState, holderId: string | null, responsible = ResponsibleParty.ADVOCATE) => ({
      id: `2b000000-0000-4000-8000-0000000000${n}`,
      organizationId: harbor,
      caseId,
      kind,
      title,
      state,
      holderId,
      responsible,
    });
    await m
      .createQueryBuilder()
      .insert()
      .into(PacketItem)
      .orIgnore()
      .values([
        item('01', DEMO.cases.maria, PacketItemKind.IMAGING_DISC, 'Breast MRI and mammograms on disc', PacketItemState.REQUESTED, '2a000000-0000-4000-8000-000000000001'),
        item('02', DEMO.cases.maria, PacketItemKind.PATHOLOGY_SLIDES, 'Core biopsy slides', PacketItemState.REQUESTED, '2a000000-0000-4000-8000-000000000002'),
        item('03', DEMO.cases.maria, PacketItemKind.PATHOLOGY_REPORT, 'Core biopsy report', PacketItemState.RECEIVED, '2a000000-0000-4000-8000-000000000002'),
        item('04', DEMO.cases.maria, PacketItemKind.CLINIC_NOTES, 'Surgical consult notes', PacketItemState.NEEDED, null),
        item('05', DEMO.cases.maria, PacketItemKind.MEDICATIONS_ALLERGIES, '', PacketItemState.NEEDED, null, ResponsibleParty.PATIENT),
        item('06', DEMO.cases.david, PacketItemKind.LABS, 'Blood tests since spring', PacketItemState.REQUESTED, '2a000000-0000-4000-8000-000000000003'),
        item('07', DEMO.cases.david, PacketItemKind.CLINIC_NOTES, 'Clinic notes with the plan', PacketItemState.REQUESTED, '2a000000-0000-4000-8000-000000000003'),
      ])
      .execute();

    // Ages chosen so the board shows each clock state: on track, near the plan target, near the legal date.
    const request = (n: string, caseId: string, holderId: string, method: RequestMethod, sentDaysAgo: number, urgency: Urgency, createdById: string) => {
      const sentOn = ago(sentDaysAgo);
      const legal = startLegalClock(sentOn, null);
      return {
        id: `2c000000-0000-4000-8000-0000000000${n}`,
        organizationId: harbor,
        caseId,
        holderId,
        method,
        sentOn,
        holderReceivedOn: null,
        planTargetOn: planTargetDate(sentOn, urgency),
        legalDueOn: legal.dueOn,
        originalLegalDueOn: legal.originalDueOn,
        createdById,
      };
    };
    await m
      .createQueryBuilder()
      .insert()
      .into(RecordRequest)
      .orIgnore()
      .values([
        request('01', DEMO.cases.maria, '2a000000-0000-4000-8000-000000000001', RequestMethod.FAX, 3, Urgency.URGENT, DEMO.users.harborAdvocate),
        request('02', DEMO.cases.maria, '2a000000-0000-4000-8000-000000000002', RequestMethod.PORTAL, 12, Urgency.URGENT, DEMO.users.harborAdvocate),
        request('03', DEMO.cases.david, '2a000000-0000-4000-8000-000000000003', RequestMethod.EMAIL, 26, Urgency.ROUTINE, DEMO.users.harborAdvocate2),
      ])
      .execute();
    await m
      .createQueryBuilder()
      .insert()
      .into(RecordRequestItem)
      .orIgnore()
      .values([
        { requestId: '2c000000-0000-4000-8000-000000000001', packetItemId: '2b000000-0000-4000-8000-000000000001' },
        { requestId: '2c000000-0000-4000-8000-000000000002', packetItemId: '2b000000-0000-4000-8000-000000000002' },
        { requestId: '2c000000-0000-4000-8000-000000000002', packetItemId: '2b000000-0000-4000-8000-000000000003', receivedOn: ago(5) },
        { requestId: '2c000000-0000-4000-8000-000000000003', packetItemId: '2b000000-0000-4000-8000-000000000006' },
        { requestId: '2c000000-0000-4000-8000-000000000003', packetItemId: '2b000000-0000-4000-8000-000000000007' },
      ])
      .execute();
  });
}
