import { generate } from 'otplib';
import { checkTotp, decryptSecret, encryptSecret, newTotpSecret, TOTP_PERIOD_SECONDS, totpUri } from './totp';
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from './recovery-codes';

const at = new Date('2026-12-06T12:00:10Z');
const codeAt = (secret: string, d: Date) => generate({ secret, epoch: Math.floor(d.getTime() / 1000) });
const shift = (steps: number) => new Date(at.getTime() + steps * TOTP_PERIOD_SECONDS * 1000);

describe('TOTP', () => {
  const secret = newTotpSecret();

  it('takes the current code, and one step either side of it', async () => {
    const now = await checkTotp(secret, await codeAt(secret, at), { at });
    expect(now).not.toBeNull();
    expect(await checkTotp(secret, await codeAt(secret, shift(-1)), { at })).toBe((now as number) - 1);
    expect(await checkTotp(secret, await codeAt(secret, shift(1)), { at })).toBe((now as number) + 1);
  });

  it('refuses codes two steps away, wrong codes and anything not six digits', async () => {
    expect(await checkTotp(secret, await codeAt(secret, shift(-2)), { at })).toBeNull();
    expect(await checkTotp(secret, await codeAt(secret, shift(2)), { at })).toBeNull();
    const right = await codeAt(secret, at);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    expect(await checkTotp(secret, wrong, { at })).toBeNull();
    expect(await checkTotp(secret, 'abcdef', { at })).toBeNull();
    expect(await checkTotp(secret, '12345', { at })).toBeNull();
  });

  it('accepts the code typed with a space, and never a step already used', async () => {
    const code = await codeAt(secret, at);
    const step = (await checkTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, { at })) as number;
    expect(step).not.toBeNull();
    expect(await checkTotp(secret, code, { at, afterTimeStep: step })).toBeNull();
    expect(await checkTotp(secret, await codeAt(secret, shift(1)), { at, afterTimeStep: step })).toBe(step + 1);
  });

  it('gives the app a link with the issuer and the account', () => {
    expect(totpUri('JBSWY3DPEHPK3PXP', 'pat@example.org')).toBe('otpauth://totp/Second%20Look:pat%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=Second%20Look');
  });
});

describe('factor secrets at rest', () => {
  const key = Buffer.alloc(32, 7);

  it('round-trips, with a fresh IV each time, and never holds the secret in clear', () => {
    const a = encryptSecret(key, 'JBSWY3DPEHPK3PXP');
    const b = encryptSecret(key, 'JBSWY3DPEHPK3PXP');
    expect(a).not.toBe(b);
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(decryptSecret(key, a)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses another key and a changed ciphertext', () => {
    const stored = encryptSecret(key, 'JBSWY3DPEHPK3PXP');
    expect(() => decryptSecret(Buffer.alloc(32, 8), stored)).toThrow();
    const parts = stored.split('.');
    parts[3] = Buffer.from('XXXXXXXXXXXXXXXX').toString('base64url');
    expect(() => decryptSecret(key, parts.join('.'))).toThrow();
  });
});

describe('recovery codes', () => {
  it('are ten different codes without look-alike characters', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
  });

  it('hash the same however they are typed, and differently from each other', () => {
    expect(normaliseRecoveryCode(' ab2c-de3f gh4j ')).toBe('AB2CDE3FGH4J');
    expect(hashRecoveryCode('AB2C-DE3F-GH4J')).toBe(hashRecoveryCode('ab2cde3fgh4j'));
    expect(hashRecoveryCode('AB2C-DE3F-GH4J')).not.toBe(hashRecoveryCode('AB2C-DE3F-GH4K'));
    expect(hashRecoveryCode('AB2C-DE3F-GH4J')).toMatch(/^[0-9a-f]{64}$/);
  });
});
