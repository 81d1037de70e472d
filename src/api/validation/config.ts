// ConfigMap and Secret validation: keys that are valid file names (IsConfigMapKey), no key in both
// data and binaryData, at most 1 MiB of data, and, once `immutable` is true, no change to data,
// binaryData or immutable itself; a Secret's type never changes.
// Mirrors ValidateConfigMap / ValidateConfigMapUpdate / ValidateSecret / ValidateSecretUpdate in
// pkg/apis/core/validation/validation.go.
import type { ConfigMap, Secret } from 'kubernetes-types/core/v1'
import { deepEqualJson, forbidden, invalid, tooLong, validateImmutableField, type FieldErrorList } from '../errors/field-errors.ts'
import { isConfigMapKey, nameIsDNSSubdomain } from './names.ts'
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts'

export const MAX_CONFIG_DATA_BYTES = 1024 * 1024

function validateKeys(data: Readonly<Record<string, string>> | undefined, path: string, seen: Set<string>): { errs: FieldErrorList; bytes: number } {
  const errs: FieldErrorList = []
  let bytes = 0
  for (const [k, v] of Object.entries(data ?? {})) {
    for (const msg of isConfigMapKey(k)) errs.push(invalid(path, k, msg))
    if (seen.has(k)) errs.push(invalid(path, k, 'duplicate of key present in data'))
    seen.add(k)
    bytes += Buffer.byteLength(v, 'utf8')
  }
  return { errs, bytes }
}

export function validateConfigMap(cm: ConfigMap): FieldErrorList {
  const errs = validateObjectMeta(cm.metadata, true, nameIsDNSSubdomain)
  const seen = new Set<string>()
  const data = validateKeys(cm.data, 'data', seen)
  const binary = validateKeys(cm.binaryData, 'binaryData', seen)
  errs.push(...data.errs, ...binary.errs)
  if (data.bytes + binary.bytes > MAX_CONFIG_DATA_BYTES) errs.push(tooLong('', MAX_CONFIG_DATA_BYTES))
  return errs
}

function immutableData(next: { immutable?: boolean; data?: unknown; binaryData?: unknown }, old: typeof next, dataFields: readonly string[]): FieldErrorList {
  if (old.immutable !== true) return []
  const errs: FieldErrorList = []
  if (next.immutable !== true) errs.push(forbidden('immutable', 'field is immutable when `immutable` is set'))
  for (const f of dataFields) {
    if (!deepEqualJson((next as Record<string, unknown>)[f], (old as Record<string, unknown>)[f])) errs.push(forbidden(f, 'field is immutable when `immutable` is set'))
  }
  return errs
}

export function validateConfigMapUpdate(next: ConfigMap, old: ConfigMap): FieldErrorList {
  return [...validateObjectMetaUpdate(next.metadata, old.metadata), ...immutableData(next, old, ['data', 'binaryData']), ...validateConfigMap(next)]
}

export function validateSecret(secret: Secret): FieldErrorList {
  const errs = validateObjectMeta(secret.metadata, true, nameIsDNSSubdomain)
  const seen = new Set<string>()
  const data = validateKeys(secret.data, 'data', seen)
  const stringData = validateKeys(secret.stringData, 'stringData', new Set())
  errs.push(...data.errs, ...stringData.errs)
  if (data.bytes > MAX_CONFIG_DATA_BYTES * 1.4) errs.push(tooLong('data', MAX_CONFIG_DATA_BYTES))
  return errs
}

export function validateSecretUpdate(next: Secret, old: Secret): FieldErrorList {
  return [
    ...validateObjectMetaUpdate(next.metadata, old.metadata),
    ...validateImmutableField(next.type, old.type, 'type'),
    ...immutableData(next, old, ['data']),
    ...validateSecret(next),
  ]
}
