export * from './timeline-adjustment.entity';
export * from './timeline.model';
export * from './timeline.service';
export * from './timeline.module';

import { TimelineAdjustment } from './timeline-adjustment.entity';
export const TIMELINE_ENTITIES = [TimelineAdjustment];
