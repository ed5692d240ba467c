import { Module } from '@nestjs/common';
import { AuditModule } from '@second-look/server-audit';
import { CasesModule } from '@second-look/server-cases';
import { CaseNoteResolver } from './case-note.resolver';
import { CaseNoteService } from './case-note.service';

@Module({ imports: [AuditModule, CasesModule], providers: [CaseNoteService, CaseNoteResolver], exports: [CaseNoteService] })
export class NotesModule {}
