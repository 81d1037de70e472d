// Node validation: a DNS subdomain name, well-formed taints (qualified key, label-like value,
// supported effect, no duplicate key+effect), and a podCIDR that may be set once but not changed.
// Mirrors ValidateNode / validateNodeTaints / ValidateNodeUpdate in pkg/apis/core/validation/validation.go.
import type { Node } from 'kubernetes-types/core/v1'
import { child, duplicate, index, invalid, notSupported, required, type FieldErrorList } from '../errors/field-errors.ts'
import { isQualifiedName, isValidLabelValue, nameIsDNSSubdomain } from './names.ts'
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts'

const taintEffects = ['NoExecute', 'NoSchedule', 'PreferNoSchedule']

export function validateNode(node: Node): FieldErrorList {
  const errs = validateObjectMeta(node.metadata, false, nameIsDNSSubdomain)
  const seen = new Set<string>()
  ;(node.spec?.taints ?? []).forEach((t, i) => {
    const p = index('spec.taints', i)
    if (!t.key) errs.push(required(child(p, 'key')))
    else for (const msg of isQualifiedName(t.key)) errs.push(invalid(child(p, 'key'), t.key, msg))
    if (t.value) for (const msg of isValidLabelValue(t.value)) errs.push(invalid(child(p, 'value'), t.value, msg))
    if (!t.effect) errs.push(required(child(p, 'effect')))
    else if (!taintEffects.includes(t.effect)) errs.push(notSupported(child(p, 'effect'), t.effect, taintEffects))
    const id = `${t.key}:${t.effect}`
    if (seen.has(id)) errs.push(duplicate(p, `${t.key}=${t.value ?? ''}:${t.effect}`))
    seen.add(id)
  })
  return errs
}

export function validateNodeUpdate(next: Node, old: Node): FieldErrorList {
  const errs = [...validateObjectMetaUpdate(next.metadata, old.metadata), ...validateNode(next)]
  const oldCidr = old.spec?.podCIDR ?? ''
  if (oldCidr !== '' && (next.spec?.podCIDR ?? '') !== oldCidr) {
    errs.push({ type: 'FieldValueForbidden', field: child('spec', 'podCIDRs'), body: 'Forbidden: node updates may not change podCIDR except from "" to valid' })
  }
  return errs
}
