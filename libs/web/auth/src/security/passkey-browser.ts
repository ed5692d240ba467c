/**
 * The browser side of passkeys (WebAuthn) through @simplewebauthn/browser, loaded only when a
 * passkey is used or made, so the sign-in screen stays light. The server hands options as JSON
 * text and takes the browser's answer back as JSON text.
 */
const load = () => import('@simplewebauthn/browser');

export async function passkeysSupported(): Promise<boolean> {
  return (await load()).browserSupportsWebAuthn();
}

/** Makes a new passkey (the browser asks for a fingerprint, face, PIN or security key). */
export async function createPasskey(optionsJson: string): Promise<string> {
  const { startRegistration } = await load();
  return JSON.stringify(await startRegistration({ optionsJSON: JSON.parse(optionsJson) }));
}

/** Uses a passkey to answer the server's challenge. */
export async function answerWithPasskey(optionsJson: string): Promise<string> {
  const { startAuthentication } = await load();
  return JSON.stringify(await startAuthentication({ optionsJSON: JSON.parse(optionsJson) }));
}
