// A label selector: the AND of its requirements, kept sorted by key. `everything()` has no
// requirements and matches every label set; `nothing()` matches none (what a null metav1
// LabelSelector converts to).
// Mirrors Selector, internalSelector, Everything, Nothing, Add, Matches, String, RequiresExactMatch
// and SelectorFromSet in staging/src/k8s.io/apimachinery/pkg/labels/selector.go.
import { compareStrings, requirementMatches, requirementString, type Labels, type Requirement } from './requirement.ts'

export type Selector =
  | { readonly type: 'requirements'; readonly requirements: readonly Requirement[] }
  | { readonly type: 'nothing' }

const everythingSelector: Selector = Object.freeze({ type: 'requirements', requirements: Object.freeze([]) })
const nothingSelector: Selector = Object.freeze({ type: 'nothing' })

/** The selector that matches every label set (the empty selector). */
export function everything(): Selector {
  return everythingSelector
}

/** The selector that matches no label set. */
export function nothing(): Selector {
  return nothingSelector
}

/** Requirements sorted by key; a stable sort, so requirements on one key keep their order. */
export function sortByKey(requirements: readonly Requirement[]): Requirement[] {
  return [...requirements].sort((a, b) => compareStrings(a.key, b.key))
}

export function selectorOf(requirements: readonly Requirement[]): Selector {
  return { type: 'requirements', requirements: sortByKey(requirements) }
}

/** A new selector with more requirements (re-sorted by key); `nothing()` stays nothing. */
export function addRequirements(selector: Selector, ...requirements: Requirement[]): Selector {
  if (selector.type === 'nothing') return selector
  return selectorOf([...selector.requirements, ...requirements])
}

/** True when every requirement holds. */
export function matches(selector: Selector, labels: Labels): boolean {
  if (selector.type === 'nothing') return false
  return selector.requirements.every((r) => requirementMatches(r, labels))
}

/** True when the selector does not restrict anything (no requirements). `nothing()` is not empty. */
export function isEmpty(selector: Selector): boolean {
  return selector.type === 'requirements' && selector.requirements.length === 0
}

/** The canonical text, e.g. `env in (prod,qa),!legacy,tier!=frontend` sorted by key; `nothing()` is "". */
export function selectorString(selector: Selector): string {
  if (selector.type === 'nothing') return ''
  return selector.requirements.map(requirementString).join(',')
}

/**
 * If the first requirement on `key` pins it to one value (`=`, `==`, or `in` with one value),
 * that value; used by the API server to serve a selector from an index.
 */
export function requiresExactMatch(selector: Selector, key: string): string | undefined {
  if (selector.type === 'nothing') return undefined
  const r = selector.requirements.find((req) => req.key === key)
  if (r === undefined) return undefined
  if ((r.operator === '=' || r.operator === '==' || r.operator === 'in') && r.values.length === 1) return r.values[0]
  return undefined
}

/** The selector that matches exactly the label sets containing `set` (`key=value` for each); no validation. */
export function selectorFromSet(set: Labels | null | undefined): Selector {
  if (set === null || set === undefined) return everything()
  return selectorOf(Object.entries(set).map(([key, value]) => ({ key, operator: '=', values: [value] })))
}
