export { CaseAppointmentsPanel } from './appointments-panel';
export { OwnTimelinePanel } from './own-timeline-panel';
