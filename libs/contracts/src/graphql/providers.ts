import { gql } from 'urql';
import type {
  CandidateStrength,
  DoctorScriptPurpose,
  DoctorScriptSituation,
  Language,
  ProviderHint,
  ProviderNetworkStatus,
  ProviderVisitMode,
} from '@second-look/domain';

export type { CandidateStrength, DoctorScriptPurpose, DoctorScriptSituation, ProviderHint, ProviderNetworkStatus, ProviderVisitMode };

// Providers and doctor scripts in one place; they match schema.gql (ProviderCandidate,
// ProviderChoice, DirectoryProvider, DoctorScript, CaseDoctorScript) by hand like the rest.

export interface ProviderCandidate {
  id: string;
  directoryEntryId: string | null;
  name: string;
  specialty: string;
  subSpecialty: string;
  institution: string;
  academicCentre: boolean;
  otherHealthSystem: boolean;
  network: ProviderNetworkStatus;
  visitMode: ProviderVisitMode;
  expectedWaitDays: number | null;
  referredBy: string;
  notes: string;
  /** Null for patients and caregivers. */
  staffNotes: string | null;
  chosen: boolean;
  chosenReason: string;
  chosenAt: string | null;
  version: number;
  createdAt: string;
}

export interface ProviderChoice {
  hint: ProviderHint | null;
  strengths: { candidateId: string; strengths: CandidateStrength[] }[];
}

export interface CaseDoctorScript {
  id: string;
  sourceKey: string;
  purpose: DoctorScriptPurpose;
  situation: DoctorScriptSituation | null;
  body: string;
  updatedAt: string;
}

export interface CaseProviders {
  id: string;
  version: number;
  currentDoctorSpecialty: string;
  currentDoctorSubSpecialty: string;
  providerCandidates: ProviderCandidate[];
  providerChoice: ProviderChoice;
}

export interface CaseScript {
  id: string;
  doctorScript: CaseDoctorScript | null;
}

export interface DirectoryProvider {
  id: string;
  name: string;
  specialty: string;
  subSpecialty: string;
  institution: string;
  academicCentre: boolean;
  visitMode: ProviderVisitMode;
  contact: string;
  notes: string;
}

export interface DoctorScript {
  id: string;
  purpose: DoctorScriptPurpose;
  situation: DoctorScriptSituation;
  title: string;
  body: string;
  createdAt: string;
}

export interface CandidateFieldsInput {
  name?: string | null;
  specialty?: string | null;
  subSpecialty?: string | null;
  institution?: string | null;
  academicCentre?: boolean | null;
  otherHealthSystem?: boolean | null;
  network?: ProviderNetworkStatus | null;
  visitMode?: ProviderVisitMode | null;
  expectedWaitDays?: number | null;
  referredBy?: string | null;
  notes?: string | null;
  staffNotes?: string | null;
}

const CANDIDATE = `id directoryEntryId name specialty subSpecialty institution academicCentre otherHealthSystem network visitMode expectedWaitDays referredBy notes staffNotes chosen chosenReason chosenAt version createdAt`;
const PROVIDERS = `
    id
    version
    currentDoctorSpecialty
    currentDoctorSubSpecialty
    providerCandidates { ${CANDIDATE} }
    providerChoice { hint strengths { candidateId strengths } }`;
const SCRIPT = `id doctorScript { id sourceKey purpose situation body updatedAt }`;
const DIRECTORY = `id name specialty subSpecialty institution academicCentre visitMode contact notes`;

export const CaseProvidersQuery = gql<{ case: CaseProviders }, { id: string }>`
  query CaseProviders($id: ID!) {
    case(id: $id) {
      ${PROVIDERS}
    }
  }
`;

export const ProviderDirectoryQuery = gql<{ providerDirectory: DirectoryProvider[] }, { search?: string | null }>`
  query ProviderDirectory($search: String) {
    providerDirectory(search: $search) { ${DIRECTORY} }
  }
`;

export const CreateDirectoryProviderMutation = gql<
  { createDirectoryProvider: DirectoryProvider },
  { input: { name: string; specialty: string; subSpecialty?: string | null; institution?: string | null; academicCentre?: boolean | null; visitMode?: ProviderVisitMode | null; contact?: string | null; notes?: string | null } }
>`
  mutation CreateDirectoryProvider($input: DirectoryProviderInput!) {
    createDirectoryProvider(input: $input) { ${DIRECTORY} }
  }
`;

export const AddProviderCandidateMutation = gql<{ addProviderCandidate: CaseProviders }, { input: CandidateFieldsInput & { caseId: string; directoryEntryId?: string | null } }>`
  mutation AddProviderCandidate($input: AddProviderCandidateInput!) {
    addProviderCandidate(input: $input) {
      ${PROVIDERS}
    }
  }
`;

export const UpdateProviderCandidateMutation = gql<{ updateProviderCandidate: CaseProviders }, { input: CandidateFieldsInput & { id: string; expectedVersion: number } }>`
  mutation UpdateProviderCandidate($input: UpdateProviderCandidateInput!) {
    updateProviderCandidate(input: $input) {
      ${PROVIDERS}
    }
  }
`;

export const ChooseProviderCandidateMutation = gql<{ chooseProviderCandidate: CaseProviders }, { input: { id: string; reason: string } }>`
  mutation ChooseProviderCandidate($input: ChooseProviderCandidateInput!) {
    chooseProviderCandidate(input: $input) {
      ${PROVIDERS}
    }
  }
`;

export const RemoveProviderCandidateMutation = gql<{ removeProviderCandidate: CaseProviders }, { id: string }>`
  mutation RemoveProviderCandidate($id: ID!) {
    removeProviderCandidate(id: $id) {
      ${PROVIDERS}
    }
  }
`;

/** The current doctor's specialty is a field of the case; saved with the case's version check. */
export const SetCurrentDoctorSpecialtyMutation = gql<
  { updateCase: CaseProviders },
  { input: { id: string; expectedVersion: number; currentDoctorSpecialty: string; currentDoctorSubSpecialty: string } }
>`
  mutation SetCurrentDoctorSpecialty($input: UpdateCaseInput!) {
    updateCase(input: $input) {
      ${PROVIDERS}
    }
  }
`;

export const CaseDoctorScriptQuery = gql<{ case: CaseScript }, { id: string }>`
  query CaseDoctorScript($id: ID!) {
    case(id: $id) { ${SCRIPT} }
  }
`;

/** A built-in script in one language (the library's words live in the domain and come from the API). */
export interface BuiltInDoctorScript {
  key: string;
  purpose: DoctorScriptPurpose;
  situation: DoctorScriptSituation;
  language: Language;
  title: string;
  body: string;
}

export const DoctorScriptLibraryQuery = gql<{ doctorScriptLibrary: BuiltInDoctorScript[] }, { language?: Language | null }>`
  query DoctorScriptLibrary($language: Language) {
    doctorScriptLibrary(language: $language) { key purpose situation language title body }
  }
`;

export const DoctorScriptsQuery = gql<{ doctorScripts: DoctorScript[] }, Record<string, never>>`
  query DoctorScripts {
    doctorScripts { id purpose situation title body createdAt }
  }
`;

export const SaveCaseDoctorScriptMutation = gql<
  { saveCaseDoctorScript: CaseScript },
  { input: { caseId: string; sourceKey?: string | null; purpose: DoctorScriptPurpose; situation?: DoctorScriptSituation | null; body: string } }
>`
  mutation SaveCaseDoctorScript($input: SaveCaseDoctorScriptInput!) {
    saveCaseDoctorScript(input: $input) { ${SCRIPT} }
  }
`;

export const CreateDoctorScriptMutation = gql<
  { createDoctorScript: DoctorScript },
  { input: { purpose: DoctorScriptPurpose; situation: DoctorScriptSituation; title: string; body: string } }
>`
  mutation CreateDoctorScript($input: DoctorScriptInput!) {
    createDoctorScript(input: $input) { id purpose situation title body createdAt }
  }
`;

export const DeleteDoctorScriptMutation = gql<{ deleteDoctorScript: boolean }, { id: string }>`
  mutation DeleteDoctorScript($id: ID!) {
    deleteDoctorScript(id: $id)
  }
`;
