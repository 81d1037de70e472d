// One condition of a label selector — a key, an operator and a set of values — with its validating
// constructor, its matching rule and its canonical text.
// Mirrors Requirement, NewRequirement, Requirement.Matches and Requirement.String in
// staging/src/k8s.io/apimachinery/pkg/labels/selector.go.
import { aggregate, childPath, indexPath, invalid, keyPath, notSupported, type FieldPath } from './field-errors.ts'
import { isOperator, validRequirementOperators, type Operator } from './operator.ts'
import { isLabelKey, isLabelValue } from './validation.ts'

/** A label set: key → value. */
export type Labels = Readonly<Record<string, string>>

export interface Requirement {
  readonly key: string
  readonly operator: Operator
  /** In or NotIn: at least one; `=`, `==`, `!=`, gt, lt: exactly one; exists and `!`: none. */
  readonly values: readonly string[]
}

export type RequirementResult = { readonly ok: true; readonly requirement: Requirement } | { readonly ok: false; readonly error: string }

export function validateLabelKey(key: string, path: FieldPath): string | undefined {
  const errs = isLabelKey(key)
  return errs.length === 0 ? undefined : invalid(path, key, errs.join('; '))
}

export function validateLabelValue(key: string, value: string, path: FieldPath): string | undefined {
  const errs = isLabelValue(value)
  return errs.length === 0 ? undefined : invalid(keyPath(path, key), value, errs.join('; '))
}

/** strconv.ParseInt(s, 10, 64): an optional sign and decimal digits, within int64. */
export function parseInt64(text: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined
  const n = BigInt(text)
  return n >= -(2n ** 63n) && n < 2n ** 63n ? n : undefined
}

/**
 * Build a requirement, or say every way it is invalid: a bad key, a bad operator, the wrong number
 * of values for the operator, a gt/lt value that is not an integer, or a bad value. An empty string
 * is a valid value. `values === null` stands for Go's nil slice (it only changes how errors print).
 */
export function newRequirement(key: string, operator: Operator, values: readonly string[] | null, path?: FieldPath): RequirementResult {
  const errs: string[] = []
  const vals = values ?? []
  const keyError = validateLabelKey(key, childPath(path, 'key'))
  if (keyError) errs.push(keyError)
  const valuePath = childPath(path, 'values')
  switch (operator) {
    case 'in':
    case 'notin':
      if (vals.length === 0) errs.push(invalid(valuePath, values, "for 'in', 'notin' operators, values set can't be empty"))
      break
    case '=':
    case '==':
    case '!=':
      if (vals.length !== 1) errs.push(invalid(valuePath, values, 'exact-match compatibility requires one single value'))
      break
    case 'exists':
    case '!':
      if (vals.length !== 0) errs.push(invalid(valuePath, values, 'values set must be empty for exists and does not exist'))
      break
    case 'gt':
    case 'lt':
      if (vals.length !== 1) errs.push(invalid(valuePath, values, "for 'Gt', 'Lt' operators, exactly one value is required"))
      vals.forEach((v, i) => {
        if (parseInt64(v) === undefined) errs.push(invalid(indexPath(valuePath, i), v, "for 'Gt', 'Lt' operators, the value must be an integer"))
      })
      break
    default:
      errs.push(notSupported(childPath(path, 'operator'), String(operator), validRequirementOperators))
  }
  vals.forEach((v, i) => {
    const valueError = validateLabelValue(key, v, indexPath(valuePath, i))
    if (valueError) errs.push(valueError)
  })
  const error = aggregate(errs)
  if (error !== undefined || !isOperator(operator)) return { ok: false, error: error ?? `unknown operator ${String(operator)}` }
  return { ok: true, requirement: { key, operator, values: [...vals] } }
}

/**
 * Whether a label set satisfies the requirement. `in`, `=`, `==` need the key present with one of
 * the values; `notin` and `!=` hold when the key is absent or its value is none of them; `exists`
 * and `!` look at presence only; gt and lt compare integers and fail on anything else.
 */
export function requirementMatches(r: Requirement, labels: Labels): boolean {
  const has = Object.hasOwn(labels, r.key)
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return has && r.values.includes(labels[r.key])
    case 'notin':
    case '!=':
      return !has || !r.values.includes(labels[r.key])
    case 'exists':
      return has
    case '!':
      return !has
    case 'gt':
    case 'lt': {
      if (!has || r.values.length !== 1) return false
      const actual = parseInt64(labels[r.key])
      const bound = parseInt64(r.values[0])
      if (actual === undefined || bound === undefined) return false
      return r.operator === 'gt' ? actual > bound : actual < bound
    }
    default:
      return false
  }
}

/** Go's sort.Strings order: byte-wise, which for these ASCII strings is code-unit order. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

const operatorText: Record<Operator, string> = { '=': '=', '==': '==', '!=': '!=', in: ' in ', notin: ' notin ', gt: '>', lt: '<', exists: '', '!': '' }

/** The canonical text: `!key`, `key`, `key=v`, `key in (a,b)` — values sorted, never re-ordered in place. */
export function requirementString(r: Requirement): string {
  if (r.operator === '!') return `!${r.key}`
  if (r.operator === 'exists') return r.key
  const values = r.values.length === 1 ? r.values[0] : [...r.values].sort(compareStrings).join(',')
  const set = r.operator === 'in' || r.operator === 'notin'
  return `${r.key}${operatorText[r.operator]}${set ? `(${values})` : values}`
}
