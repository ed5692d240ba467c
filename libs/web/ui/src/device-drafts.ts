const PREFIX = 'sl-draft:';

/** One piece of unsaved work kept on this device (its browser storage), by key. */
export interface DeviceDraft {
  read(): string | null;
  write(value: string): void;
  clear(): void;
}

const storage = (): Storage | null => {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage switched off (some private modes throw on access)
  }
};

/**
 * Unsaved work that must outlive a reload or a closed tab while the device is offline (a note
 * typed in a lift). Keyed by the caller (include the person: a shared phone may change hands).
 * Storage that is full or switched off only means the work lives in memory, as before.
 */
export function deviceDraft(key: string): DeviceDraft {
  const k = `${PREFIX}${key}`;
  return {
    read: () => storage()?.getItem(k) ?? null,
    write: (value) => {
      try {
        storage()?.setItem(k, value);
      } catch {
        // full: the draft stays in memory only
      }
    },
    clear: () => storage()?.removeItem(k),
  };
}

/** Set at sign-in when the person chose "this is my own device": only then is the case kept on it. */
export const OWN_DEVICE_KEY = 'sl-own-device';

/** Did the person signed in here say this is their own device? */
export function isOwnDevice(): boolean {
  return storage()?.getItem(OWN_DEVICE_KEY) === '1';
}

let clearSavedCopy: (() => Promise<void>) | null = null;

/** The app says how to empty the saved copy (its code loads only on an own device). */
export function onClearDevice(clear: () => Promise<void>): void {
  clearSavedCopy = clear;
}

/** Records the sign-in choice; without "my own device", nothing from an earlier choice stays. */
export function setOwnDevice(own: boolean): void {
  if (own) {
    try {
      storage()?.setItem(OWN_DEVICE_KEY, '1');
    } catch {
      // full or switched off: the case stays in memory only
    }
  } else clearSavedCase();
}

/** Forgets the "my own device" choice (other tabs hear it) and empties the saved copy of the case. */
function clearSavedCase(): void {
  storage()?.removeItem(OWN_DEVICE_KEY);
  void clearSavedCopy?.().catch(() => undefined);
}

/**
 * Signing out, or a session found ended: nothing of a patient's stays behind in this device's
 * storage (unsaved drafts, the saved copy of the case).
 */
export function clearDeviceDrafts(): void {
  clearSavedCase();
  const s = storage();
  if (!s) return;
  const keys: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (k?.startsWith(PREFIX)) keys.push(k);
  }
  keys.forEach((k) => s.removeItem(k));
}
