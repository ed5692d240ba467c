/**
 * Prints one piece of text on its own page (not the whole case page): a hidden frame holds
 * just the title and the words, so the patient gets a clean sheet to take to the visit.
 */
export function printText(title: string, body: string): void {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  document.body.appendChild(frame);
  const doc = frame.contentDocument;
  if (!doc) return;
  const h1 = doc.createElement('h1');
  h1.textContent = title;
  const p = doc.createElement('p');
  p.textContent = body;
  p.style.whiteSpace = 'pre-wrap';
  p.style.fontSize = '16pt';
  p.style.lineHeight = '1.5';
  doc.body.style.fontFamily = 'system-ui, sans-serif';
  doc.body.append(h1, p);
  frame.contentWindow?.focus();
  frame.contentWindow?.print();
  setTimeout(() => frame.remove(), 1000);
}
