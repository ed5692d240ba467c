/** English strings of the offline state: loaded with the offline client (addAreaStrings), only on an own device. */
export const offlineEn = {
  label: 'Connection',
  offline: 'You are offline. You can still read your case. Changes you make will be sent when you are back online.',
  back: 'You are back online. Your changes are being sent.',
};
