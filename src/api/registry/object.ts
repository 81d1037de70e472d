// The shape every stored object shares, and the small helpers the API server uses on it:
// freezing (stored objects are immutable, so they are shared instead of copied), a private
// mutable copy of a caller's object, and RFC 3339 timestamps from the injected clock.
// Mirrors the parts of metav1.Object / runtime.Object the generic registry relies on
// (staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/meta.go).
import type { ObjectMeta } from 'kubernetes-types/meta/v1'
import { jsonCopy } from './json-copy.ts'

/** Any Kubernetes object: apiVersion, kind, metadata, and whatever its kind adds. */
export interface KubeObject {
  apiVersion?: string
  kind?: string
  metadata?: ObjectMeta
}

/** The type with its readonly fields writable (for the server's private copies). */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/** The loose view of an object the generic code reads spec/status through. */
export type AnyObject = KubeObject & { spec?: unknown; status?: unknown; [field: string]: unknown }

/** Freeze an object and everything inside it; returns it. Already-frozen subtrees are skipped. */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value
  Object.freeze(value)
  // Every stored object passes through here: walk without allocating a key list per object.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) deepFreeze(value[i])
  } else {
    for (const key in value) if (Object.hasOwn(value, key)) deepFreeze((value as Record<string, unknown>)[key])
  }
  return value
}

/** A private, mutable, JSON-normalized copy (undefined fields dropped), as decoding a request body gives. */
export function privateCopy<T>(value: T): T {
  return jsonCopy(value)
}

/** The object with metadata.resourceVersion set, sharing everything else (the result is frozen). */
export function withResourceVersion<T extends KubeObject>(obj: T, revision: number): T {
  return Object.freeze({ ...obj, metadata: Object.freeze({ ...obj.metadata, resourceVersion: String(revision) }) })
}

let lastSecond = Number.NaN
let lastText = ''

/** metav1.Time as JSON: RFC 3339 in UTC, whole seconds. */
export function rfc3339(ms: number): string {
  const second = Math.floor(ms / 1000)
  if (second !== lastSecond) {
    lastText = new Date(second * 1000).toISOString().replace('.000Z', 'Z')
    lastSecond = second
  }
  return lastText
}

/** The resource version as a number; NaN when it is not a non-negative integer. */
export function parseResourceVersion(rv: string | undefined): number {
  if (rv === undefined || rv === '') return 0
  return /^\d+$/.test(rv) ? Number(rv) : Number.NaN
}
