import { RecordDeliveryMethod, draftRecordRequestLetter, letterToText, type CalendarDate, type Language, type PacketItemKind } from '@second-look/domain';
import type { RecordHolder, RequestMethod } from '@second-look/contracts/graphql';

export const letterPdfUrl = (requestId: string): string => `/api/record-requests/${encodeURIComponent(requestId)}/letter.pdf`;

/** The follow-up letter, drafted by the server for a request past its legal date (409 NOT_OVERDUE before). */
export const followUpLetterPdfUrl = (requestId: string): string => `/api/record-requests/${encodeURIComponent(requestId)}/follow-up-letter.pdf`;

/**
 * The draft letter as editable text. Delivery follows the server's default for a letter
 * without one (the portal if that is how it goes, else the patient's e-mail, else post),
 * so the preview and a PDF printed later say the same thing.
 */
export function draftLetterText(input: {
  patientName: string;
  patientEmail: string | null;
  holder: Pick<RecordHolder, 'name' | 'department' | 'address'>;
  items: Array<{ kind: PacketItemKind; title: string }>;
  method: RequestMethod;
  sentOn: string;
  organizationName: string;
  advocateName: string | null;
  /** The language staff chose for the request's letters. */
  language?: Language;
}): string {
  const delivery =
    input.method === 'PORTAL'
      ? { deliveryMethod: RecordDeliveryMethod.PORTAL, deliverTo: null }
      : input.patientEmail
        ? { deliveryMethod: RecordDeliveryMethod.EMAIL, deliverTo: input.patientEmail }
        : { deliveryMethod: RecordDeliveryMethod.MAIL, deliverTo: null };
  return letterToText(
    draftRecordRequestLetter({
      patientName: input.patientName,
      patientEmail: input.patientEmail,
      holder: input.holder,
      items: input.items,
      ...delivery,
      date: input.sentOn as CalendarDate,
      organizationName: input.organizationName,
      advocateName: input.advocateName,
      language: input.language,
    }),
  );
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** Prints the letter text from a hidden frame: no pop-up, nothing else of the page on paper. */
export function printLetter(text: string, title: string): void {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  document.body.appendChild(frame);
  const doc = frame.contentDocument;
  const win = frame.contentWindow;
  if (!doc || !win) {
    frame.remove();
    return;
  }
  const paragraphs = text
    .split(/\n[ \t]*\n/)
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('');
  doc.open();
  doc.write(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
      '<style>@page{margin:1in}body{font:11pt/1.45 Helvetica,Arial,sans-serif;color:#000}p{margin:0 0 .8em}</style>' +
      `</head><body>${paragraphs}</body></html>`,
  );
  doc.close();
  win.focus();
  win.print();
  setTimeout(() => frame.remove(), 1000);
}
