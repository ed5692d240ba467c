/**
 * Spanish (es-US) strings for an insurance plan's network type and the hints it brings.
 * Mounted into `insurance` by insuranceWords in en-insurance-network.ts.
 */
export const insuranceNetworkEs = {
  networkType: 'Tipo de red',
  networkTypeHelp: 'Viene en la tarjeta. Indica si necesita una remisión.',
  networkUnknown: 'Todavía no lo sé',
  networkLine: 'Red: {{type}}',
  networkTypes: {
    HMO: 'HMO',
    PPO: 'PPO',
    EPO: 'EPO',
    POS: 'POS',
    MEDICARE: 'Medicare Original',
    MEDICARE_ADVANTAGE: 'Medicare Advantage',
    MEDICAID: 'Medicaid',
    TRICARE: 'TRICARE',
    VA: 'VA (veteranos)',
    OTHER: 'Otro',
  },
};

export const insuranceNetworkHintsEs = {
  REFERRAL_USUALLY_NEEDED: 'Los planes HMO y POS casi siempre piden primero una remisión de su médico principal.',
  OUT_OF_NETWORK_UNLIKELY: 'Los planes HMO y EPO casi nunca pagan médicos fuera de su red. Confirme que el médico está en la red.',
  PROGRAM_AUTHORIZATION_FIRST: 'La atención de TRICARE y de VA casi siempre necesita primero una remisión o una aprobación. Pregunte antes de hacer la cita.',
};
