import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { signSessionToken, verifySessionToken } from './session-token.ts';

const SECRET = 'test-secret';

describe('session tokens', () => {
  it('round-trips the claims', async () => {
    const { token, conversationId } = await signSessionToken(SECRET, {
      customerId: 12346,
    });
    expect(await verifySessionToken(SECRET, token)).toEqual({
      conversationId,
      customerId: 12346,
    });
  });

  it('refuses missing, tampered and claim-less tokens', async () => {
    const { token } = await signSessionToken(SECRET, { customerId: null });
    const tampered = `${token.slice(0, -2)}xx`;
    const noClaims = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('shopmate')
      .setAudience('shopmate:shop')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));

    for (const bad of [undefined, '', 42, tampered, noClaims])
      await expect(verifySessionToken(SECRET, bad)).rejects.toMatchObject({
        code: 'UNAUTHORIZED',
      });
  });
});
