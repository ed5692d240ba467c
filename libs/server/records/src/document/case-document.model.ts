import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { CaseDocument } from './case-document.entity';

@ObjectType('CaseDocument', { description: 'A file attached to a packet item. Download it from `downloadUrl` with the session cookie.' })
export class CaseDocumentModel {
  @Field(() => ID) id: string;
  packetItemId: string;
  caseId: string;
  @Field() fileName: string;
  @Field({ description: 'Detected from the file’s bytes, not taken from the upload.' }) contentType: string;
  @Field(() => Float) sizeBytes: number;
  @Field() createdAt: Date;
  @Field({ description: 'GET this path (same origin) to download; every download is audited.' }) downloadUrl: string;
  uploadedById: string;
}

export const documentDownloadPath = (id: string): string => `/api/documents/${id}`;

export function toCaseDocumentModel(d: CaseDocument): CaseDocumentModel {
  return {
    id: d.id,
    packetItemId: d.packetItemId,
    caseId: d.caseId,
    fileName: d.fileName,
    contentType: d.contentType,
    sizeBytes: Number(d.sizeBytes),
    createdAt: d.createdAt,
    downloadUrl: documentDownloadPath(d.id),
    uploadedById: d.uploadedById,
  };
}
