// Validation every object's metadata gets, on create and on update: name or generateName,
// namespace present exactly when the kind is namespaced, labels, annotations (keys and a 256 KiB
// total), owner references (at most one controller), finalizers; on update, the identity fields
// (name, namespace, uid, creationTimestamp) may not change.
// Mirrors staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go (ValidateObjectMeta,
// ValidateObjectMetaUpdate, ValidateAnnotations, ValidateOwnerReferences, ValidateFinalizers) and
// staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go (ValidateLabels).
import type { ObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1'
import { child, forbidden, index, invalid, required, tooLong, validateImmutableField, type FieldErrorList } from '../errors/field-errors.ts'
import { isDNS1123Label, isQualifiedName, isValidLabelValue, type NameValidator } from './names.ts'

export const TOTAL_ANNOTATION_SIZE_LIMIT_BYTES = 256 * 1024

export function validateLabels(labels: Readonly<Record<string, string>> | undefined, path: string): FieldErrorList {
  const errs: FieldErrorList = []
  for (const [k, v] of Object.entries(labels ?? {})) {
    for (const msg of isQualifiedName(k)) errs.push(invalid(path, k, msg))
    for (const msg of isValidLabelValue(v)) errs.push(invalid(path, v, msg))
  }
  return errs
}

export function validateAnnotations(annotations: Readonly<Record<string, string>> | undefined, path: string): FieldErrorList {
  const errs: FieldErrorList = []
  let total = 0
  for (const [k, v] of Object.entries(annotations ?? {})) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, msg))
    total += Buffer.byteLength(k, 'utf8') + Buffer.byteLength(v, 'utf8')
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT_BYTES) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT_BYTES))
  return errs
}

export function validateOwnerReferences(refs: readonly OwnerReference[] | undefined, path: string): FieldErrorList {
  const errs: FieldErrorList = []
  const controllers: string[] = []
  ;(refs ?? []).forEach((ref, i) => {
    const p = index(path, i)
    if (!ref.apiVersion) errs.push(invalid(child(p, 'apiVersion'), ref.apiVersion ?? '', 'version must not be empty'))
    if (!ref.kind) errs.push(invalid(child(p, 'kind'), ref.kind ?? '', 'kind must not be empty'))
    if (!ref.name) errs.push(invalid(child(p, 'name'), ref.name ?? '', 'name must not be empty'))
    if (!ref.uid) errs.push(invalid(child(p, 'uid'), ref.uid ?? '', 'uid must not be empty'))
    if (ref.controller === true) controllers.push(`${ref.kind}/${ref.name}`)
  })
  if (controllers.length > 1) {
    errs.push(invalid(path, refs, `Only one reference can have Controller set to true. Found "true" in references for ${controllers.join(' and ')}`))
  }
  return errs
}

export function validateFinalizers(finalizers: readonly string[] | undefined, path: string): FieldErrorList {
  const errs: FieldErrorList = []
  for (const f of finalizers ?? []) for (const msg of isQualifiedName(f)) errs.push(invalid(path, f, msg))
  return errs
}

/** ValidateObjectMeta: `namespaced` says whether the kind lives in a namespace. */
export function validateObjectMeta(meta: ObjectMeta | undefined, namespaced: boolean, nameFn: NameValidator, path = 'metadata'): FieldErrorList {
  const m = meta ?? {}
  const errs: FieldErrorList = []
  if (m.generateName) for (const msg of nameFn(m.generateName, true)) errs.push(invalid(child(path, 'generateName'), m.generateName, msg))
  if (!m.name) errs.push(required(child(path, 'name'), 'name or generateName is required'))
  else for (const msg of nameFn(m.name, false)) errs.push(invalid(child(path, 'name'), m.name, msg))
  if (namespaced) {
    if (!m.namespace) errs.push(required(child(path, 'namespace')))
    else for (const msg of isDNS1123Label(m.namespace)) errs.push(invalid(child(path, 'namespace'), m.namespace, msg))
  } else if (m.namespace) {
    errs.push(forbidden(child(path, 'namespace'), 'not allowed on this type'))
  }
  if (m.generation !== undefined && m.generation < 0) errs.push(invalid(child(path, 'generation'), m.generation, 'must be greater than or equal to 0'))
  errs.push(...validateLabels(m.labels, child(path, 'labels')))
  errs.push(...validateAnnotations(m.annotations, child(path, 'annotations')))
  errs.push(...validateOwnerReferences(m.ownerReferences, child(path, 'ownerReferences')))
  errs.push(...validateFinalizers(m.finalizers, child(path, 'finalizers')))
  return errs
}

/** ValidateObjectMetaUpdate: the new metadata must be valid, and its identity unchanged. */
export function validateObjectMetaUpdate(next: ObjectMeta | undefined, old: ObjectMeta | undefined, path = 'metadata'): FieldErrorList {
  const n = next ?? {}
  const o = old ?? {}
  const errs: FieldErrorList = []
  errs.push(...validateImmutableField(n.name, o.name, child(path, 'name')))
  errs.push(...validateImmutableField(n.namespace ?? '', o.namespace ?? '', child(path, 'namespace')))
  errs.push(...validateImmutableField(n.uid, o.uid, child(path, 'uid')))
  errs.push(...validateImmutableField(n.creationTimestamp, o.creationTimestamp, child(path, 'creationTimestamp')))
  if (o.deletionTimestamp === undefined && n.deletionTimestamp !== undefined) {
    errs.push(...validateImmutableField(n.deletionTimestamp, o.deletionTimestamp, child(path, 'deletionTimestamp')))
  }
  errs.push(...validateLabels(n.labels, child(path, 'labels')))
  errs.push(...validateAnnotations(n.annotations, child(path, 'annotations')))
  errs.push(...validateOwnerReferences(n.ownerReferences, child(path, 'ownerReferences')))
  errs.push(...validateFinalizers(n.finalizers, child(path, 'finalizers')))
  if (o.deletionTimestamp !== undefined) {
    // Once deleting, finalizers may only be removed (objectmeta.go's "no new finalizers" rule).
    const oldSet = new Set(o.finalizers ?? [])
    for (const f of n.finalizers ?? []) {
      if (!oldSet.has(f)) errs.push(forbidden(child(path, 'finalizers'), `no new finalizers can be added if the object is being deleted, found new finalizers ${JSON.stringify([f])}`))
    }
  }
  return errs
}
