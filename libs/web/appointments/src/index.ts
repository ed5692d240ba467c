import { lazyNamed } from '@second-look/web-ui';

export const CaseAppointmentsPanel = lazyNamed(() => import('./appointments-panel'), 'CaseAppointmentsPanel');
export const OwnTimelinePanel = lazyNamed(() => import('./own-timeline-panel'), 'OwnTimelinePanel');
export { VisitPacketLink, visitPacketUrl } from './visit-packet-link';
