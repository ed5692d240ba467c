export * from './case-note.entity';
export * from './case-note.model';
export * from './case-note.service';
export * from './note-doc';
export * from './notes.module';

import { CaseNote } from './case-note.entity';
export const NOTE_ENTITIES = [CaseNote];
export * from './case-note.live';
