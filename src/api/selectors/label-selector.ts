// The API's structured selector (metav1.LabelSelector: matchLabels + matchExpressions, as found in
// Deployments, ReplicaSets, Jobs, PodDisruptionBudgets, NetworkPolicies...) converted to a Selector.
// A null selector matches nothing; an empty one ({}) matches everything.
// Mirrors LabelSelectorAsSelector (and FormatLabelSelector) in
// staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go.
import type { LabelSelector } from 'kubernetes-types/meta/v1.js'
import type { Operator } from './operator.ts'
import { compareStrings, newRequirement, type Requirement } from './requirement.ts'
import { everything, nothing, selectorOf, selectorString, type Selector } from './selector.ts'

export type ConvertResult = { readonly ok: true; readonly selector: Selector } | { readonly ok: false; readonly error: string }

/** metav1.LabelSelectorOperator → selection.Operator. */
const expressionOperators: Readonly<Record<string, Operator>> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' }

export function labelSelectorAsSelector(ps: LabelSelector | null | undefined): ConvertResult {
  if (ps === null || ps === undefined) return { ok: true, selector: nothing() }
  const matchLabels: [string, string][] = Object.entries(ps.matchLabels ?? {})
  const matchExpressions = ps.matchExpressions ?? []
  if (matchLabels.length + matchExpressions.length === 0) return { ok: true, selector: everything() }
  const requirements: Requirement[] = []
  // Go ranges over the map in random order; sorting makes the first reported error deterministic.
  for (const [key, value] of matchLabels.sort(([a], [b]) => compareStrings(a, b))) {
    const result = newRequirement(key, '=', [value])
    if (!result.ok) return result
    requirements.push(result.requirement)
  }
  for (const expr of matchExpressions) {
    const operator = Object.hasOwn(expressionOperators, expr.operator) ? expressionOperators[expr.operator] : undefined
    if (operator === undefined) return { ok: false, error: `${JSON.stringify(expr.operator)} is not a valid pod selector operator` }
    const values = expr.values === undefined || expr.values === null || expr.values.length === 0 ? null : expr.values
    const result = newRequirement(expr.key, operator, values)
    if (!result.ok) return result
    requirements.push(result.requirement)
  }
  return { ok: true, selector: selectorOf(requirements) }
}

/** The selector as text for display: `<none>` when it selects everything, `<error>` when invalid. */
export function formatLabelSelector(ps: LabelSelector | null | undefined): string {
  const result = labelSelectorAsSelector(ps)
  if (!result.ok) return '<error>'
  return selectorString(result.selector) || '<none>'
}
