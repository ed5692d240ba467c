import { gql } from 'urql';

// Providers and doctor scripts in one place. Types: generated.ts (`npm run codegen`).

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

export const CaseProvidersQuery = gql`
  query CaseProviders($id: ID!) {
    case(id: $id) {
      ${PROVIDERS}
    }
  }
`;

export const ProviderDirectoryQuery = gql`
  query ProviderDirectory($search: String) {
    providerDirectory(search: $search) { ${DIRECTORY} }
  }
`;

export const CreateDirectoryProviderMutation = gql`
  mutation CreateDirectoryProvider($input: DirectoryProviderInput!) {
    createDirectoryProvider(input: $input) { ${DIRECTORY} }
  }
`;

export const AddProviderCandidateMutation = gql`
  mutation AddProviderCandidate($input: AddProviderCandidateInput!) {
    addProviderCandidate(input: $input) {
      ${PROVIDERS}
    }
  }
`;

export const UpdateProviderCandidateMutation = gql`
  mutation UpdateProviderCandidate($input: UpdateProviderCandidateInput!) {
    updateProviderCandidate(input: $input) {
      ${PROVIDERS}
    }
  }
`;

export const ChooseProviderCandidateMutation = gql`
  mutation ChooseProviderCandidate($input: ChooseProviderCandidateInput!) {
    chooseProviderCandidate(input: $input) {
      ${PROVIDERS}
    }
  }
`;

export const RemoveProviderCandidateMutation = gql`
  mutation RemoveProviderCandidate($id: ID!) {
    removeProviderCandidate(id: $id) {
      ${PROVIDERS}
    }
  }
`;

/** The current doctor's specialty is a field of the case; saved with the case's version check. */
export const SetCurrentDoctorSpecialtyMutation = gql`
  mutation SetCurrentDoctorSpecialty($input: UpdateCaseInput!) {
    updateCase(input: $input) {
      ${PROVIDERS}
    }
  }
`;

export const CaseDoctorScriptQuery = gql`
  query CaseDoctorScript($id: ID!) {
    case(id: $id) { ${SCRIPT} }
  }
`;

export const DoctorScriptLibraryQuery = gql`
  query DoctorScriptLibrary($language: Language) {
    doctorScriptLibrary(language: $language) {
      key
      purpose
      situation
      language
      title
      body
    }
  }
`;

export const DoctorScriptsQuery = gql`
  query DoctorScripts {
    doctorScripts {
      id
      purpose
      situation
      title
      body
      createdAt
    }
  }
`;

export const SaveCaseDoctorScriptMutation = gql`
  mutation SaveCaseDoctorScript($input: SaveCaseDoctorScriptInput!) {
    saveCaseDoctorScript(input: $input) { ${SCRIPT} }
  }
`;

export const CreateDoctorScriptMutation = gql`
  mutation CreateDoctorScript($input: DoctorScriptInput!) {
    createDoctorScript(input: $input) {
      id
      purpose
      situation
      title
      body
      createdAt
    }
  }
`;

export const DeleteDoctorScriptMutation = gql`
  mutation DeleteDoctorScript($id: ID!) {
    deleteDoctorScript(id: $id)
  }
`;
