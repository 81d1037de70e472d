// Label selectors as the scheduler uses them: metav1.LabelSelector (matchLabels + matchExpressions
// with In, NotIn, Exists, DoesNotExist), node selector requirements (which add Gt and Lt), and
// plain equality sets (pod.spec.nodeSelector). Mirrors Requirement.Matches and NewRequirement in
// staging/src/k8s.io/apimachinery/pkg/labels/selector.go and LabelSelectorAsSelector in
// staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go.
//
// Two facts worth remembering: a nil selector selects nothing while an empty one selects
// everything, and NotIn / DoesNotExist match an object that does not have the label at all.
import type { LabelSelector } from 'kubernetes-types/meta/v1.js'

export type Labels = Readonly<Record<string, string>>

export type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt'

export interface Requirement {
  readonly key: string
  readonly operator: Operator
  readonly values: readonly string[]
}

/** A compiled selector. `error` is set when the source was invalid; such a selector matches nothing. */
export interface Selector {
  matches(labels: Labels | undefined): boolean
  readonly requirements: readonly Requirement[]
  /** True for the selector that matches everything (an empty LabelSelector). */
  readonly everything: boolean
  readonly error?: string
}

const integer = /^[+-]?\d+$/

function parseInteger(text: string): bigint | undefined {
  return integer.test(text) ? BigInt(text) : undefined
}

/** labels.NewRequirement's checks on operator and values; returns an error text or undefined. */
function validate(key: string, operator: string, values: readonly string[]): string | undefined {
  if (key === '') return 'key: Invalid value: "": name part must be non-empty'
  switch (operator) {
    case 'In':
    case 'NotIn':
      return values.length === 0 ? "values: Invalid value: for 'in', 'notin' operators, values set can't be empty" : undefined
    case 'Exists':
    case 'DoesNotExist':
      return values.length !== 0 ? "values: Invalid value: values set must be empty for exists and does not exist" : undefined
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) return "values: Invalid value: for 'Gt', 'Lt' operators, exactly one value is required"
      return parseInteger(values[0]) === undefined ? "values[0]: Invalid value: for 'Gt', 'Lt' operators, the value must be an integer" : undefined
    default:
      return `operator: Unsupported value: ${JSON.stringify(operator)}`
  }
}

/** Requirement.Matches. */
export function requirementMatches(r: Requirement, labels: Labels | undefined): boolean {
  const has = labels !== undefined && Object.hasOwn(labels, r.key)
  switch (r.operator) {
    case 'In':
      return has && r.values.includes(labels[r.key])
    case 'NotIn':
      return !has || !r.values.includes(labels[r.key])
    case 'Exists':
      return has
    case 'DoesNotExist':
      return !has
    case 'Gt':
    case 'Lt': {
      if (!has) return false
      const actual = parseInteger(labels[r.key])
      const bound = parseInteger(r.values[0])
      if (actual === undefined || bound === undefined) return false
      return r.operator === 'Gt' ? actual > bound : actual < bound
    }
  }
}

function selector(requirements: readonly Requirement[], everything: boolean, error?: string): Selector {
  if (error !== undefined) return { requirements: [], everything: false, error, matches: () => false }
  return {
    requirements,
    everything,
    error,
    matches: (labels) => {
      for (const r of requirements) if (!requirementMatches(r, labels)) return false
      return true
    },
  }
}

export const nothing: Selector = { requirements: [], everything: false, matches: () => false }
export const everything: Selector = selector([], true)

/** Compiles requirements (from matchExpressions or node selector terms); invalid ones poison the selector. */
export function selectorFromRequirements(source: readonly { key: string; operator: string; values?: readonly string[] }[]): Selector {
  const requirements: Requirement[] = []
  for (const r of source) {
    const values = r.values ?? []
    const error = validate(r.key, r.operator, values)
    if (error !== undefined) return selector([], false, error)
    requirements.push({ key: r.key, operator: r.operator as Operator, values })
  }
  return selector(requirements, requirements.length === 0)
}

/** labels.SelectorFromSet: every key must be present with exactly that value. */
export function selectorFromSet(set: Labels): Selector {
  return selectorFromRequirements(Object.keys(set).map((key) => ({ key, operator: 'In', values: [set[key]] })))
}

/** metav1.LabelSelectorAsSelector: nil → nothing, {} → everything. Gt/Lt are not allowed here. */
export function labelSelectorAsSelector(ls: LabelSelector | null | undefined): Selector {
  if (ls === undefined || ls === null) return nothing
  const source: { key: string; operator: string; values?: readonly string[] }[] = []
  for (const key of Object.keys(ls.matchLabels ?? {})) source.push({ key, operator: 'In', values: [ls.matchLabels![key]] })
  for (const e of ls.matchExpressions ?? []) {
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(e.operator)) return selector([], false, `${JSON.stringify(e.operator)} is not a valid label selector operator`)
    source.push(e)
  }
  if (source.length === 0) return everything
  return selectorFromRequirements(source)
}

/** Adds requirements to a selector (Selector.Add), as matchLabelKeys merging does. */
export function withRequirements(base: Selector, extra: readonly Requirement[]): Selector {
  if (base.error !== undefined || extra.length === 0) return base
  const all = [...base.requirements, ...extra]
  return selector(all, all.length === 0)
}
