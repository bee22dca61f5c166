import { createHash } from 'node:crypto';

/** The cache key: SHA-256 of the identity, 24 hex digits. */
export function referenceCacheKey(identity: {
  weights: string;
  data: string;
  tokenization: string;
}): string {
  const h = createHash('sha256').update(
    JSON.stringify([identity.weights, identity.data, identity.tokenization]),
  );
  return h.digest('hex').slice(0, 24);
}
