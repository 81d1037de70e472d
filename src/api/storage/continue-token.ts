// The opaque `continue` token of a paginated list: base64url of
// {"v":"meta.k8s.io/v1","rv":<revision of the first page>,"start":"<next key, relative to the list prefix>"}.
// Every page of one list is read at the first page's revision, so a paginated list is one
// consistent snapshot; once that revision is compacted the token has expired (410).
// Mirrors EncodeContinue / DecodeContinue in staging/src/k8s.io/apiserver/pkg/storage/continue.go.
import { newBadRequest } from '../errors/api-errors.ts'

const VERSION = 'meta.k8s.io/v1'

export interface ContinueToken {
  /** The revision every page of the list is read at (-1: the latest, after an expired token). */
  readonly revision: number
  /** The full key to resume from (inclusive). */
  readonly startKey: string
}

/** The token that resumes a list under `prefix` at `startKey`. */
export function encodeContinue(startKey: string, prefix: string, revision: number): string {
  const start = startKey.startsWith(prefix) ? startKey.slice(prefix.length) : startKey
  return Buffer.from(JSON.stringify({ v: VERSION, rv: revision, start }), 'utf8').toString('base64url')
}

/** Decode a token for a list under `prefix`; a malformed one is a 400. */
export function decodeContinue(token: string, prefix: string): ContinueToken {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'))
  } catch {
    throw newBadRequest('invalid continue token: continue key is not valid: illegal base64 data or JSON')
  }
  const t = parsed as { v?: unknown; rv?: unknown; start?: unknown }
  if (typeof t !== 'object' || t === null || t.v !== VERSION) {
    throw newBadRequest(`invalid continue token: continue key is not valid: server does not recognize this encoded key version ${JSON.stringify(t?.v ?? '')}`)
  }
  if (typeof t.rv !== 'number' || !Number.isInteger(t.rv) || t.rv === 0) {
    throw newBadRequest('invalid continue token: continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)')
  }
  if (typeof t.start !== 'string' || t.start.length === 0) {
    throw newBadRequest('invalid continue token: continue key is not valid: encoded start key empty (version meta.k8s.io/v1)')
  }
  // The start key may not climb out of the list's prefix (the real check cleans the path).
  if (t.start.split('/').includes('..') || t.start.startsWith('/')) {
    throw newBadRequest('invalid continue token: continue key is not valid: key must be relative to the list prefix')
  }
  return { revision: t.rv, startKey: prefix + t.start }
}
