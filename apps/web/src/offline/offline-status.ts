import type { i18n as I18n } from 'i18next';

/**
 * A calm line at the foot of every screen while the device has no connection: the case can
 * still be read, and changes wait to be sent. It never blocks a tap (the page stays usable under
 * it). Plain DOM rather than a React component: this chunk then shares no module with the first
 * screen (see FirstScreenParts). Returns the function that removes it.
 */
export function mountOfflineStatus(i18n: I18n): () => void {
  const region = document.createElement('section');
  const line = document.createElement('p');
  line.setAttribute('role', 'status');
  line.setAttribute('aria-live', 'polite');
  // Set through the CSSOM, which the Content-Security-Policy (no inline style attributes) allows.
  Object.assign(region.style, { position: 'fixed', left: '0', right: '0', bottom: '0', zIndex: '300', pointerEvents: 'none', display: 'flex', justifyContent: 'center', padding: '8px' });
  Object.assign(line.style, {
    margin: '0',
    maxWidth: '640px',
    padding: 'var(--mantine-spacing-xs) var(--mantine-spacing-md)',
    borderRadius: 'var(--mantine-radius-md)',
    boxShadow: 'var(--mantine-shadow-sm)',
    color: 'var(--mantine-color-dark-9)',
    fontSize: 'var(--mantine-font-size-sm)',
    fontFamily: 'var(--mantine-font-family)',
  });
  region.append(line);
  document.body.append(region);

  let wasOffline = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const render = () => {
    const online = navigator.onLine;
    if (!online) wasOffline = true;
    region.setAttribute('aria-label', i18n.t('offline.label'));
    // "Back online" shows for a few seconds after a spell offline, while waiting edits go out.
    const text = !online ? i18n.t('offline.offline') : wasOffline ? i18n.t('offline.back') : '';
    line.textContent = text;
    line.style.display = text ? '' : 'none';
    line.style.border = `1px solid var(--mantine-color-${online ? 'green' : 'yellow'}-6)`;
    line.style.background = `var(--mantine-color-${online ? 'green' : 'yellow'}-0)`;
  };
  const changed = () => {
    clearTimeout(timer);
    render();
    if (navigator.onLine && wasOffline) {
      timer = setTimeout(() => {
        wasOffline = false;
        render();
      }, 5000);
    }
  };
  render();
  window.addEventListener('online', changed);
  window.addEventListener('offline', changed);
  i18n.on('languageChanged', render);
  return () => {
    clearTimeout(timer);
    window.removeEventListener('online', changed);
    window.removeEventListener('offline', changed);
    i18n.off('languageChanged', render);
    region.remove();
  };
}
