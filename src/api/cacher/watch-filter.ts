// What one watch or list selects: a namespace (or all), a label selector and a field selector,
// evaluated against an object's labels and its kind's selectable fields.
// Mirrors storage.SelectionPredicate (staging/src/k8s.io/apiserver/pkg/storage/selection_predicate.go)
// with the cacher's namespace scoping (filterWithAttrsAndPrefixFunction in cacher.go).
import { fieldGetter, isEmpty, matches, type FieldSelector, type Selector } from '../selectors/index.ts'
import type { KubeObject } from '../registry/object.ts'
import type { ResourceInfo } from '../registry/resource-info.ts'

export interface Predicate {
  readonly resource: ResourceInfo
  /** '' for every namespace (and for cluster-scoped kinds). */
  readonly namespace: string
  readonly label: Selector
  readonly field: FieldSelector
}

/** A fast matcher for the predicate (skips the checks an empty selector makes pointless). */
export function compilePredicate(p: Predicate): (obj: KubeObject) => boolean {
  const ns = p.resource.namespaced ? p.namespace : ''
  const checkLabels = !isEmpty(p.label)
  // Each field requirement reads just its field (fieldsMatch over selectableFields, one field at a time).
  const fieldChecks = p.field.requirements.map((r) => ({ read: fieldGetter(p.resource.kind, r.field, p.resource.namespaced), equal: r.operator !== '!=', value: r.value }))
  return (obj) => {
    if (ns !== '' && obj.metadata?.namespace !== ns) return false
    if (checkLabels && !matches(p.label, obj.metadata?.labels ?? {})) return false
    for (const check of fieldChecks) if ((check.read(obj) === check.value) !== check.equal) return false
    return true
  }
}

/** The value a pod watch pins spec.nodeName to (`spec.nodeName=node-1`), for the cacher's trigger index. */
export function nodeNameTrigger(p: Predicate): string | undefined {
  if (p.resource.kind !== 'Pod') return undefined
  const reqs = p.field.requirements.filter((r) => r.field === 'spec.nodeName' && r.operator !== '!=')
  return reqs.length === 1 ? reqs[0].value : undefined
}
