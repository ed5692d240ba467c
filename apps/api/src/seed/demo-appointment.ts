import {
  addDays,
  allAppointmentReminders,
  AppointmentMode,
  AppointmentReminderKind,
  CalendarDate,
  DEFAULT_APPOINTMENT_REMINDER_SETTINGS,
  DEFAULT_WORKING_HOURS,
  isoWeekday,
  reminderFireAt,
  StarterQuestion,
  todayInZone,
  WorkingHours,
  zonedDateTimeToInstant,
} from '@second-look/domain';
import { Appointment, CaseQuestion } from '@second-look/server-appointments';
import { DataSource } from 'typeorm';
import { DEMO } from './demo-seed';

export const DEMO_APPOINTMENT_ID = '1d000000-0000-4000-8000-000000000001';
/** The demo clock step the README and the seed's choice of date are made for: `npm run demo:clock -- +3d`. */
export const DEMO_CLOCK_STEP_MS = 3 * 86_400_000;
const VISIT_HOUR = 10;
const VISIT_MINUTE = 30;

/**
 * The day of Maria's demo visit, a few days after `now`: the first working day (3 to 10
 * days ahead) whose visit still lies ahead after the demo clock moved `DEMO_CLOCK_STEP_MS`,
 * and that has a reminder to the patient (“coming up” or “the day before”) coming due within
 * that step. So whatever the day and hour the demo is first seeded, `npm start` and then
 * `npm run demo:clock -- +3d` delivers appointment reminders (in the app and by e-mail), and
 * the visit itself has not begun yet. Harbor keeps the default hours and distances.
 */
export function demoVisitDate(now: Date, timeZone: string, hours: Omit<WorkingHours, 'timeZone'> = DEFAULT_WORKING_HOURS): CalendarDate {
  const w: WorkingHours = { ...hours, timeZone };
  const today = todayInZone(now, timeZone);
  const step = now.getTime() + DEMO_CLOCK_STEP_MS;
  const candidates: CalendarDate[] = [];
  for (let i = 3; i <= 10; i++) {
    const on = addDays(today, i);
    if (w.days.includes(isoWeekday(on))) candidates.push(on);
  }
  const fits = candidates.find((on) => {
    const startsAt = zonedDateTimeToInstant(on, VISIT_HOUR, VISIT_MINUTE, timeZone).getTime();
    if (startsAt <= step + 3_600_000) return false;
    return allAppointmentReminders(on, w.days, DEFAULT_APPOINTMENT_REMINDER_SETTINGS).some((r) => {
      if (r.kind !== AppointmentReminderKind.SOON && r.kind !== AppointmentReminderKind.DAY_BEFORE) return false;
      if (r.on < today) return false;
      const at = reminderFireAt(r.on, now, w).getTime();
      return at <= step && at < startsAt;
    });
  });
  const day = fits ?? candidates[0];
  if (!day) throw new Error('no working day in the 3 to 10 days ahead');
  return day;
}

/**
 * Maria's second-opinion visit for the demo (CLI seed only, like the demo records: the test
 * suites count what the demo organizations hold): booked with one of her candidate surgeons,
 * a few days ahead (see demoVisitDate), with her questions to take along. Her case already
 * has an insurance plan whose coverage is not verified yet. The rows are inserted directly;
 * the worker's start-up re-scan (the appointment reminder job source) plans the reminders,
 * the same path that rebuilds them after Redis lost its data. Inserted once: a later seed
 * leaves the visit where it was.
 */
export async function seedDemoAppointment(ds: DataSource, now = new Date()): Promise<CalendarDate> {
  const harbor = DEMO.orgs.harbor;
  const zone = 'America/Chicago';
  const on = demoVisitDate(now, zone);
  await ds.transaction(async (m) => {
    await m
      .createQueryBuilder()
      .insert()
      .into(Appointment)
      .orIgnore()
      .values({
        id: DEMO_APPOINTMENT_ID,
        organizationId: harbor,
        caseId: DEMO.cases.maria,
        startsAt: zonedDateTimeToInstant(on, VISIT_HOUR, VISIT_MINUTE, zone),
        mode: AppointmentMode.IN_PERSON,
        place: 'Lakeshore University Medical Center, Breast Surgery Clinic, 2nd floor',
        providerName: 'Dr. Helen Park',
        candidateId: '1b000000-0000-4000-8000-000000000001',
        bringNotes: 'Your insurance card, a list of your medicines, and the MRI disc if it has arrived.',
        staffNotes: 'Staff only: the clinic wants the pathology slides two days before.',
        createdById: DEMO.users.harborAdvocate,
      })
      .execute();
    await m
      .createQueryBuilder()
      .insert()
      .into(CaseQuestion)
      .orIgnore()
      .values([
        {
          id: '1e000000-0000-4000-8000-000000000001',
          organizationId: harbor,
          caseId: DEMO.cases.maria,
          starter: StarterQuestion.AGREE_WITH_DIAGNOSIS,
          text: '',
          position: 0,
          createdById: DEMO.users.harborPatient,
        },
        {
          id: '1e000000-0000-4000-8000-000000000002',
          organizationId: harbor,
          caseId: DEMO.cases.maria,
          starter: StarterQuestion.ALL_OPTIONS,
          text: '',
          position: 1,
          createdById: DEMO.users.harborPatient,
        },
        {
          id: '1e000000-0000-4000-8000-000000000003',
          organizationId: harbor,
          caseId: DEMO.cases.maria,
          starter: null,
          position: 2,
          createdById: DEMO.users.harborPatient,
          text: 'Would breast-conserving surgery with radiation give me the same chances as a mastectomy?',
        },
      ])
      .execute();
  });
  const [row] = (await ds.query(`SELECT to_char(starts_at AT TIME ZONE $2, 'YYYY-MM-DD') AS on FROM appointment WHERE id = $1`, [DEMO_APPOINTMENT_ID, zone])) as { on: CalendarDate }[];
  return row?.on ?? on;
}
