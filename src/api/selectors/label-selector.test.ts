// Ported from TestLabelSelectorAsSelector in
// staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers_test.go, plus the validation cases a
// Deployment's spec.selector runs into.
import type { LabelSelector } from 'kubernetes-types/meta/v1.js'
import { describe, expect, test } from 'vitest'
import { formatLabelSelector, labelSelectorAsSelector } from './label-selector.ts'
import { parse } from './parser.ts'
import { matches, nothing, selectorString } from './selector.ts'

const matchLabels = { foo: 'bar' }
const matchExpressions = [{ key: 'baz', operator: 'In', values: ['qux', 'norf'] }]

function text(ps: LabelSelector | null | undefined): string | undefined {
  const result = labelSelectorAsSelector(ps)
  return result.ok ? selectorString(result.selector) : undefined
}

describe('converting a metav1.LabelSelector (TestLabelSelectorAsSelector)', () => {
  test('a null selector becomes nothing(), which matches no labels', () => {
    expect(labelSelectorAsSelector(null)).toEqual({ ok: true, selector: nothing() })
    expect(labelSelectorAsSelector(undefined)).toEqual({ ok: true, selector: nothing() })
  })
  test('an empty selector becomes everything(), which matches all labels', () => {
    const result = labelSelectorAsSelector({})
    expect(result.ok && matches(result.selector, { anything: 'at-all' })).toBe(true)
    expect(result.ok && matches(result.selector, {})).toBe(true)
  })
  test('empty matchLabels and matchExpressions are an empty selector too', () => {
    const result = labelSelectorAsSelector({ matchLabels: {}, matchExpressions: [] })
    expect(result.ok && matches(result.selector, {})).toBe(true)
  })
  test('matchLabels become = requirements', () => expect(text({ matchLabels })).toBe('foo=bar'))
  test('matchExpressions become set requirements, printed with sorted values', () => expect(text({ matchExpressions })).toBe('baz in (norf,qux)'))
  test('both together are ANDed and sorted by key', () => {
    expect(text({ matchLabels, matchExpressions })).toBe('baz in (norf,qux),foo=bar')
    const parsed = parse('baz in (norf,qux),foo=bar')
    expect(parsed.ok && selectorString(parsed.selector)).toBe('baz in (norf,qux),foo=bar')
  })
  test('Exists with values is an error', () => {
    expect(labelSelectorAsSelector({ matchExpressions: [{ key: 'baz', operator: 'Exists', values: ['qux', 'norf'] }] })).toEqual({
      ok: false,
      error: 'values: Invalid value: ["qux","norf"]: values set must be empty for exists and does not exist',
    })
  })
  test('the selector given is not changed', () => {
    const ps = { matchLabels: { b: '1', a: '2' }, matchExpressions: [{ key: 'baz', operator: 'In', values: ['qux', 'norf'] }] }
    const copy = structuredClone(ps)
    labelSelectorAsSelector(ps)
    expect(ps).toEqual(copy)
  })
})

describe('invalid LabelSelectors', () => {
  const cases: Array<[string, LabelSelector, string]> = [
    ['In without values', { matchExpressions: [{ key: 'app', operator: 'In' }] }, "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty"],
    ['NotIn with an empty list', { matchExpressions: [{ key: 'app', operator: 'NotIn', values: [] }] }, "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty"],
    ['DoesNotExist with a value', { matchExpressions: [{ key: 'app', operator: 'DoesNotExist', values: ['x'] }] }, 'values: Invalid value: ["x"]: values set must be empty for exists and does not exist'],
    ['an unknown operator', { matchExpressions: [{ key: 'app', operator: 'Equals', values: ['x'] }] }, '"Equals" is not a valid pod selector operator'],
    ['a bad matchLabels key', { matchLabels: { '-app': 'web' } }, 'key: Invalid value: "-app": name part must consist of'],
    ['a bad matchLabels value', { matchLabels: { app: 'web!' } }, 'values[0][app]: Invalid value: "web!": a valid label must be'],
    ['a 64-character value', { matchLabels: { app: 'v'.repeat(64) } }, `values[0][app]: Invalid value: "${'v'.repeat(64)}": must be no more than 63 bytes`],
  ]
  for (const [name, ps, message] of cases) {
    test(`${name} is rejected with "${message.slice(0, 60)}…"`, () => {
      const result = labelSelectorAsSelector(ps)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.startsWith(message)).toBe(true)
    })
  }
  test('the lowest matchLabels key is reported first, whatever order the map was written in', () => {
    const result = labelSelectorAsSelector({ matchLabels: { 'z-': '1', '-a': '2' } })
    expect(!result.ok && result.error).toMatch(/^key: Invalid value: "-a"/)
  })
})

describe('formatting for display (FormatLabelSelector)', () => {
  test('an empty selector shows as <none>', () => expect(formatLabelSelector({})).toBe('<none>'))
  test('an invalid selector shows as <error>', () => expect(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In' }] })).toBe('<error>'))
  test('a selector shows as its canonical text', () => {
    expect(formatLabelSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['cache'] }] })).toBe('app=web,tier notin (cache)')
  })
})
