import type { AreaStrings } from '../i18n';
/** English strings for the visit packet (the PDF to take to the second-opinion visit). */
export const visitPacketEn = {
  download: 'Download packet for the visit',
  downloadFor: 'Download packet for the visit with {{provider}} (PDF)',
  downloadCase: 'Download packet for the visit (PDF)',
  help: 'One or two pages to print or keep on your phone: your question, the visit, your insurance, your records and your questions, with room to write the answers.',
};

/** The group to register where these words show (addAreaStrings): English here, Spanish fetched for Spanish readers. */
export const visitPacketWords: AreaStrings = {
  en: { visitPacket: visitPacketEn },
  es: () => import('./es-packet').then((m) => ({ visitPacket: m.visitPacketEs })),
};
