export * from './question/case-question.entity';
export * from './appointment/appointment.entity';
export * from './appointment/appointment-answer.entity';
export * from './own-timeline/own-timeline-entry.entity';
export * from './appointments.model';
export * from './appointments.module';
export * from './case-scope';
export * from './reminders/appointment-reminder.scheduler';
export * from './reminders/appointment-reminder.job-source';
export * from './reminders/appointment-reminder.rescheduler';

import { AppointmentAnswer } from './appointment/appointment-answer.entity';
import { Appointment } from './appointment/appointment.entity';
import { OwnTimelineEntry } from './own-timeline/own-timeline-entry.entity';
import { CaseQuestion } from './question/case-question.entity';
export const APPOINTMENT_ENTITIES = [CaseQuestion, Appointment, AppointmentAnswer, OwnTimelineEntry];
export * from './question/starter-questions.subscriber';
