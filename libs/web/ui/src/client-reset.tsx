import { createContext, useContext } from 'react';

/**
 * Signing out (or a session ending) must drop every cached patient detail. Graphcache has
 * no "clear all", so the app makes a fresh client; features ask for that through here.
 */
export const ClientResetContext = createContext<() => void>(() => undefined);
export const useResetClient = (): (() => void) => useContext(ClientResetContext);
