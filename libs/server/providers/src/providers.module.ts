import { Module } from '@nestjs/common';
import { AuditModule } from '@second-look/server-audit';
import { CasesModule } from '@second-look/server-cases';
import { CollaborationModule } from '@second-look/server-collaboration';
import { ProviderCandidateService } from './candidate/provider-candidate.service';
import { ProviderDirectoryService } from './directory/provider-directory.service';
import { DoctorScriptService } from './doctor-script/doctor-script.service';
import { CaseProvidersResolver, ProvidersResolver } from './providers.resolver';

@Module({
  imports: [AuditModule, CasesModule, CollaborationModule],
  providers: [ProviderDirectoryService, ProviderCandidateService, DoctorScriptService, CaseProvidersResolver, ProvidersResolver],
  exports: [ProviderCandidateService, ProviderDirectoryService],
})
export class ProvidersModule {}
