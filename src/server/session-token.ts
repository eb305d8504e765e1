/**
 * Signed session tokens (HS256 JWT): who the shopper is and which
 * conversation they are in. Identity comes from here, never from a message.
 */
import { randomUUID } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { ShopmateError } from '../errors.ts';

const ISSUER = 'shopmate';
const AUDIENCE = 'shopmate:shop';
/** How long a minted session stays valid. */
export const SESSION_TTL_SECONDS = 12 * 60 * 60;

export const SessionClaimsSchema = z.object({
  conversationId: z.string().min(1).max(100),
  customerId: z.number().int().positive().nullable(),
});
export type SessionClaims = z.infer<typeof SessionClaimsSchema>;

function secretKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** Signs a session; a new conversation id is made when none is given. */
export async function signSessionToken(
  secret: string,
  claims: { customerId: number | null; conversationId?: string },
  ttlSeconds = SESSION_TTL_SECONDS,
): Promise<{ token: string; conversationId: string }> {
  const conversationId = claims.conversationId ?? randomUUID();
  const token = await new SignJWT({
    conversationId,
    customerId: claims.customerId,
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(secretKey(secret));
  return { token, conversationId };
}

/** Verifies a token; anything wrong is UNAUTHORIZED with a reason. */
export async function verifySessionToken(
  secret: string,
  token: unknown,
): Promise<SessionClaims> {
  if (typeof token !== 'string' || token === '')
    throw new ShopmateError(
      'UNAUTHORIZED',
      'A session token is required (handshake auth.token)',
    );
  try {
    const { payload } = await jwtVerify(token, secretKey(secret), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      requiredClaims: ['exp'],
    });
    return SessionClaimsSchema.parse(payload);
  } catch (error) {
    const reason =
      error instanceof joseErrors.JWTExpired
        ? 'The session token has expired'
        : 'The session token is invalid';
    throw new ShopmateError('UNAUTHORIZED', reason, { cause: error });
  }
}
