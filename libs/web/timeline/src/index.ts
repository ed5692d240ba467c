export { CaseTimelinePanel } from './timeline-panel';
export { timelineCacheKeys, refreshCaseTimeline } from './cache';
