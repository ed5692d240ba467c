import type { AreaStrings } from '../i18n';
import { enInsurance } from './en-journey-providers';
/**
 * English strings for an insurance plan's network type and the hints it brings
 * (docs/domain.md, journey step 5). Mounted into `insurance` by insuranceWords below.
 */
export const insuranceNetworkEn = {
  networkType: 'Kind of network',
  networkTypeHelp: 'It is on the card. It says if you need a referral.',
  networkUnknown: 'Not sure yet',
  networkLine: 'Network: {{type}}',
  networkTypes: {
    HMO: 'HMO',
    PPO: 'PPO',
    EPO: 'EPO',
    POS: 'POS',
    MEDICARE: 'Original Medicare',
    MEDICARE_ADVANTAGE: 'Medicare Advantage',
    MEDICAID: 'Medicaid',
    TRICARE: 'TRICARE',
    VA: 'VA (veterans)',
    OTHER: 'Something else',
  },
};

export const insuranceNetworkHintsEn = {
  REFERRAL_USUALLY_NEEDED: 'HMO and POS plans usually need a referral from your main doctor first.',
  OUT_OF_NETWORK_UNLIKELY: 'HMO and EPO plans rarely pay for doctors outside their network. Check that the doctor is in it.',
  PROGRAM_AUTHORIZATION_FIRST: 'TRICARE and VA care usually need a referral or an approval first. Ask before you book.',
};

/** The group to register where these words show (addAreaStrings): English here, Spanish fetched for Spanish readers. */
export const insuranceWords: AreaStrings = {
  en: { insurance: { ...enInsurance, ...insuranceNetworkEn, hint: { ...enInsurance.hint, ...insuranceNetworkHintsEn } } },
  es: () =>
    Promise.all([import('./es-journey-providers'), import('./es-insurance-network')]).then(([journey, network]) => ({
      insurance: { ...journey.esInsurance, ...network.insuranceNetworkEs, hint: { ...journey.esInsurance.hint, ...network.insuranceNetworkHintsEs } },
    })),
};
