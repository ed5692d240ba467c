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

/** Signing out on a shared device: nothing of a patient's stays behind in its storage. */
export function clearDeviceDrafts(): void {
  const s = storage();
  if (!s) return;
  const keys: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (k?.startsWith(PREFIX)) keys.push(k);
  }
  keys.forEach((k) => s.removeItem(k));
}
