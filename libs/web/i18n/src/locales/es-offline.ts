/** Spanish strings of the offline state (see en-offline.ts). */
export const offlineEs = {
  label: 'Conexión',
  offline: 'No tiene conexión. Todavía puede leer su caso. Los cambios que haga se enviarán cuando vuelva a tener conexión.',
  back: 'Ya tiene conexión. Se están enviando sus cambios.',
};
