import { Module } from '@nestjs/common';
import { AuditModule } from '@second-look/server-audit';
import { CasesModule } from '@second-look/server-cases';
import { IdentityModule } from '@second-look/server-identity';
import { RequestLetterController } from '../letter/request-letter.controller';
import { RequestLetterService } from '../letter/request-letter.service';
import { CaseDocumentResolver } from './case-document.resolver';
import { DocumentController } from './document.controller';
import { DocumentService } from './document.service';
import { objectStorageProvider } from './storage/storage.provider';
import { OBJECT_STORAGE } from './storage/object-storage';

/**
 * The records' files: documents on packet items (REST upload/download, the GraphQL
 * `CaseDocument` type) and the printable request letter. Imported by RecordsModule.
 */
@Module({
  imports: [AuditModule, IdentityModule, CasesModule],
  providers: [objectStorageProvider, DocumentService, CaseDocumentResolver, RequestLetterService],
  controllers: [DocumentController, RequestLetterController],
  exports: [DocumentService, OBJECT_STORAGE],
})
export class DocumentsModule {}
