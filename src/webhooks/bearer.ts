import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Checks `Authorization: Bearer <secret>`. Both sides are hashed first so the comparison takes the
 * same time whatever was sent, its length included.
 */
export function bearerChecker(secret: string): (authorization: string | undefined) => boolean {
  const expected = digest(secret);
  return (authorization) => {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    if (token === undefined) return false;
    return timingSafeEqual(digest(token), expected);
  };
}
