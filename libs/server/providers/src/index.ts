export * from './candidate/provider-candidate.entity';
export * from './candidate/provider-candidate.service';
export * from './directory/provider-directory-entry.entity';
export * from './directory/provider-directory.service';
export * from './doctor-script/doctor-script.entity';
export * from './providers.model';
export * from './providers.module';

import { ProviderCandidate } from './candidate/provider-candidate.entity';
import { ProviderDirectoryEntry } from './directory/provider-directory-entry.entity';
import { CaseDoctorScript, DoctorScript } from './doctor-script/doctor-script.entity';
export const PROVIDER_ENTITIES = [ProviderDirectoryEntry, ProviderCandidate, DoctorScript, CaseDoctorScript];
