/**
 * English strings for an insurance plan's network type and the hints it brings
 * (docs/domain.md, journey step 5). Mounted into `insurance` by en.ts.
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
