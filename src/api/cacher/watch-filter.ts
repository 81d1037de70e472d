// What one watch or list selects: a namespace (or all), a label selector and a field selector,
// evaluated against an object's labels and its kind's selectable fields.
// Mirrors storage.SelectionPredicate (staging/src/k8s.io/apiserver/pkg/storage/selection_predicate.go)
// with the cacher's namespace scoping (filterWithAttrsAndPrefixFunction in cacher.go).
import { fieldsMatch, isEmpty, isEmptyFieldSelector, matches, selectableFields, type FieldSelector, type Fields, type Selector } from '../selectors/index.ts'
import type { KubeObject } from '../registry/object.ts'
import type { ResourceInfo } from '../registry/resource-info.ts'

export interface Predicate {
  readonly resource: ResourceInfo
  /** '' for every namespace (and for cluster-scoped kinds). */
  readonly namespace: string
  readonly label: Selector
  readonly field: FieldSelector
}

// Stored objects are frozen and shared, so an object's field set can be computed once and kept.
const fieldsCache = new WeakMap<KubeObject, Fields>()

function fieldsOf(obj: KubeObject, kind: string, namespaced: boolean): Fields {
  let fields = fieldsCache.get(obj)
  if (fields === undefined) {
    fields = selectableFields(obj.kind === undefined ? { ...obj, kind } : obj, namespaced)
    if (Object.isFrozen(obj)) fieldsCache.set(obj, fields)
  }
  return fields
}

/** A fast matcher for the predicate (skips the checks an empty selector makes pointless). */
export function compilePredicate(p: Predicate): (obj: KubeObject) => boolean {
  const ns = p.resource.namespaced ? p.namespace : ''
  const checkLabels = !isEmpty(p.label)
  const checkFields = !isEmptyFieldSelector(p.field)
  const kind = p.resource.kind
  const namespaced = p.resource.namespaced
  return (obj) => {
    if (ns !== '' && obj.metadata?.namespace !== ns) return false
    if (checkLabels && !matches(p.label, obj.metadata?.labels ?? {})) return false
    if (checkFields && !fieldsMatch(p.field, fieldsOf(obj, kind, namespaced))) return false
    return true
  }
}

/** The value a pod watch pins spec.nodeName to (`spec.nodeName=node-1`), for the cacher's trigger index. */
export function nodeNameTrigger(p: Predicate): string | undefined {
  if (p.resource.kind !== 'Pod') return undefined
  const reqs = p.field.requirements.filter((r) => r.field === 'spec.nodeName' && r.operator !== '!=')
  return reqs.length === 1 ? reqs[0].value : undefined
}
