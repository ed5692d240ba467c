import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Bundle } from '@medplum/fhirtypes';
import { Actor, DomainError, DomainErrorCode, todayInZone } from '@second-look/domain';
import { AuditService } from '@second-look/server-audit';
import { CaseAccessService } from '@second-look/server-cases';
import { UserAccount } from '@second-look/server-identity';
import { OBJECT_STORAGE, ObjectStorage } from '@second-look/server-records';
import { APP_CONFIG, AppConfig, Clock } from '@second-look/server-platform';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { buildCaseBundle } from './fhir-bundle';
import { FhirCaseData, loadFhirCaseData } from './fhir-case-data';

/** Files inline (base64 grows them by a third) only up to this much together; above it, links. */
export const MAX_INLINE_BYTES = 100 * 1024 * 1024;

@Injectable()
export class FhirExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * The case as a FHIR R4 Bundle, for anyone who can read it (the patient's right of access
   * included). Staff-only fields are read only for staff. NOT_FOUND outside the caller's scope.
   */
  async exportCase(actor: Actor, caseId: string, options: { inline: boolean }): Promise<{ bundle: Bundle; fileName: string }> {
    const m = this.dataSource.manager;
    const { kase, can } = await this.access.load(actor, caseId, m);
    const data = await loadFhirCaseData(m, kase, can.internal);
    const inline = options.inline ? await this.readFiles(data) : null;
    const user = await m.findOneByOrFail(UserAccount, { id: actor.userId });
    const now = this.clock.now();
    const bundle = await buildCaseBundle(
      data,
      {
        exporter: actor,
        exporterUser: user,
        appUrl: this.config.publicUrl,
        zone: data.organization.timeZone,
        today: todayInZone(now, data.organization.timeZone),
        now,
        inline,
      },
      () => yieldToLoop(),
    );
    await this.audit.record(actor, {
      action: 'export.fhir',
      entityType: 'case',
      entityId: kase.id,
      caseId: kase.id,
      detail: { kind: 'fhir-r4', attachments: options.inline ? 'inline' : 'link', resources: bundle.entry?.length ?? 0 },
    });
    return { bundle, fileName: `second-look-case-${kase.id.slice(0, 8)}.fhir.json` };
  }

  private async readFiles(d: FhirCaseData): Promise<Map<string, string>> {
    const total = d.documents.reduce((n, doc) => n + Number(doc.sizeBytes), 0);
    if (total > MAX_INLINE_BYTES) {
      throw new DomainError(DomainErrorCode.VALIDATION_FAILED, 'The files are too large to put inside one export. Export with links instead.', {
        field: 'attachments',
        totalBytes: total,
        maxBytes: MAX_INLINE_BYTES,
      });
    }
    const out = new Map<string, string>();
    for (const doc of d.documents) {
      const chunks: Buffer[] = [];
      for await (const chunk of await this.storage.get(doc.storageKey)) chunks.push(chunk as Buffer);
      out.set(doc.id, Buffer.concat(chunks).toString('base64'));
    }
    return out;
  }
}
