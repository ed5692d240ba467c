import { Module } from '@nestjs/common';
import { AuditModule } from '@second-look/server-audit';
import { CasesModule } from '@second-look/server-cases';
import { CollaborationModule } from '@second-look/server-collaboration';
import { CaseNoteLive, CaseNoteLiveResolver } from './case-note.live';
import { CaseNoteResolver } from './case-note.resolver';
import { CaseNoteService } from './case-note.service';

@Module({
  imports: [AuditModule, CasesModule, CollaborationModule],
  providers: [CaseNoteService, CaseNoteResolver, CaseNoteLive, CaseNoteLiveResolver],
  exports: [CaseNoteService],
})
export class NotesModule {}
