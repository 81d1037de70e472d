// Ported from TestEverything, TestSelectorMatches, TestSetMatches, TestNilMapIsValid,
// TestSetIsEmpty, TestRequirementConstructor, TestToString, TestRequirementSelectorMatching, TestAdd,
// TestSafeSort and TestRequiresExactMatch in staging/src/k8s.io/apimachinery/pkg/labels/selector_test.go.
import { describe, expect, test } from 'vitest'
import type { Operator } from './operator.ts'
import { parse } from './parser.ts'
import { newRequirement, requirementMatches, requirementString, type Labels, type Requirement } from './requirement.ts'
import { addRequirements, everything, isEmpty, matches, nothing, requiresExactMatch, selectorFromSet, selectorOf, selectorString } from './selector.ts'

/** A requirement built through the validating constructor, as the Go tests' getRequirement does. */
function req(key: string, operator: Operator, values: string[] = []): Requirement {
  const result = newRequirement(key, operator, values)
  if (!result.ok) throw new Error(`newRequirement(${key}, ${operator}, ${values}) failed: ${result.error}`)
  return result.requirement
}

function parseOrThrow(text: string) {
  const result = parse(text)
  if (!result.ok) throw new Error(result.error)
  return result.selector
}

describe('everything and nothing', () => {
  test('everything() matches any label set and is empty', () => {
    expect(matches(everything(), { x: 'y' })).toBe(true)
    expect(isEmpty(everything())).toBe(true)
  })
  test('nothing() matches no label set, not even an empty one, and is not empty', () => {
    expect(matches(nothing(), {})).toBe(false)
    expect(matches(nothing(), { x: 'y' })).toBe(false)
    expect(isEmpty(nothing())).toBe(false)
    expect(selectorString(nothing())).toBe('')
  })
  test('a selector from a null or empty set is empty', () => {
    expect(isEmpty(selectorFromSet(null))).toBe(true)
    expect(isEmpty(selectorFromSet({}))).toBe(true)
  })
})

describe('parsed selectors match label sets (TestSelectorMatches)', () => {
  const labelset = { foo: 'bar', baz: 'blah' }
  const cases: Array<[string, Labels, boolean]> = [
    ['', { x: 'y' }, true],
    ['x=y', { x: 'y' }, true],
    ['x=y,z=w', { x: 'y', z: 'w' }, true],
    ['x!=y,z!=w', { x: 'z', z: 'a' }, true],
    ['notin=in', { notin: 'in' }, true],
    ['x', { x: 'z' }, true],
    ['!x', { y: 'z' }, true],
    ['x>1', { x: '2' }, true],
    ['x<1', { x: '0' }, true],
    ['x=z', {}, false],
    ['x=y', { x: 'z' }, false],
    ['x=y,z=w', { x: 'w', z: 'w' }, false],
    ['x!=y,z!=w', { x: 'z', z: 'w' }, false],
    ['x', { y: 'z' }, false],
    ['!x', { x: 'z' }, false],
    ['x>1', { x: '0' }, false],
    ['x<1', { x: '2' }, false],
    ['foo=bar', labelset, true],
    ['baz=blah', labelset, true],
    ['foo=bar,baz=blah', labelset, true],
    ['foo=blah', labelset, false],
    ['baz=bar', labelset, false],
    ['foo=bar,foobar=bar,baz=blah', labelset, false],
    // Beyond the upstream table: the rules about absent keys, and empty values.
    ['x!=y', {}, true],
    ['x notin (a,b)', {}, true],
    ['x notin (a,b)', { x: 'a' }, false],
    ['x in (a,b)', {}, false],
    ['x=', { x: '' }, true],
    ['x=', {}, false],
    ['x!=', {}, true],
    ['x in ()', { x: '' }, true],
    ['x>1', { x: 'two' }, false],
    ['x<10', { x: '+9' }, true],
  ]
  for (const [text, labels, want] of cases) {
    test(`${JSON.stringify(text)} ${want ? 'matches' : 'does not match'} ${JSON.stringify(labels)}`, () => {
      expect(matches(parseOrThrow(text), labels)).toBe(want)
    })
  }
})

describe('selectors from sets (TestSetMatches)', () => {
  const labelset = { foo: 'bar', baz: 'blah' }
  for (const set of [{}, { foo: 'bar' }, { baz: 'blah' }, { foo: 'bar', baz: 'blah' }] as Labels[]) {
    test(`the set ${JSON.stringify(set)} selects ${JSON.stringify(labelset)}`, () => expect(matches(selectorFromSet(set), labelset)).toBe(true))
  }
  test('a selector from a set prints its requirements sorted by key', () => {
    expect(selectorString(selectorFromSet({ b: '2', a: '1' }))).toBe('a=1,b=2')
  })
})

describe('the requirement constructor (TestRequirementConstructor)', () => {
  const cases: Array<{ name: string; key: string; op: Operator; values: string[] | null; ok: boolean }> = [
    { name: 'in with no values (nil) is invalid', key: 'x', op: 'in', values: null, ok: false },
    { name: 'notin with an empty set is invalid', key: 'x', op: 'notin', values: [], ok: false },
    { name: 'in with one value is valid', key: 'x', op: 'in', values: ['foo'], ok: true },
    { name: 'notin with one value is valid', key: 'x', op: 'notin', values: ['foo'], ok: true },
    { name: 'exists with no values is valid', key: 'x', op: 'exists', values: null, ok: true },
    { name: 'does-not-exist with no values is valid', key: 'x', op: '!', values: null, ok: true },
    { name: 'a key may start with a digit', key: '1foo', op: 'in', values: ['bar'], ok: true },
    { name: 'a key may be all digits', key: '1234', op: 'in', values: ['bar'], ok: true },
    { name: 'gt with an integer is valid', key: 'y', op: 'gt', values: ['1'], ok: true },
    { name: 'lt with an integer is valid', key: 'z', op: 'lt', values: ['6'], ok: true },
    { name: 'gt with a word is invalid', key: 'foo', op: 'gt', values: ['bar'], ok: false },
    { name: 'lt with a word is invalid', key: 'barz', op: 'lt', values: ['blah'], ok: false },
    { name: 'a 254-character key breaks the length limit', key: 'a'.repeat(254), op: 'exists', values: null, ok: false },
    { name: 'exists with values is invalid', key: 'x', op: 'exists', values: ['a'], ok: false },
    { name: '= with two values is invalid', key: 'x', op: '=', values: ['a', 'b'], ok: false },
    { name: 'an unknown operator is not supported', key: 'x', op: 'like' as Operator, values: ['a'], ok: false },
    { name: 'an empty value is valid', key: 'x', op: '=', values: [''], ok: true },
  ]
  for (const c of cases) test(c.name, () => expect(newRequirement(c.key, c.op, c.values).ok).toBe(c.ok))

  test('in with nil values names the field and the rule, as apimachinery does', () => {
    expect(newRequirement('x', 'in', null)).toEqual({ ok: false, error: "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty" })
  })
  test('several problems are aggregated in brackets', () => {
    const result = newRequirement('-x', 'exists', ['a'])
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toMatch(/^\[key: Invalid value: "-x": .*, values: Invalid value: \["a"\]: values set must be empty for exists and does not exist\]$/)
  })
  test('an unknown operator lists the supported ones', () => {
    const result = newRequirement('x', 'like' as Operator, ['a'])
    expect(!result.ok && result.error).toBe('operator: Unsupported value: "like": supported values: "in", "notin", "=", "==", "!=", "gt", "lt", "exists", "!"')
  })
})

describe('canonical text (TestToString)', () => {
  const cases: Array<[Requirement[], string]> = [
    [[req('x', 'in', ['abc', 'def']), req('y', 'notin', ['jkl']), req('z', 'exists')], 'x in (abc,def),y notin (jkl),z'],
    [[req('x', 'notin', ['abc', 'def']), req('y', '!=', ['jkl']), req('z', '!')], 'x notin (abc,def),y!=jkl,!z'],
    [[req('x', 'notin', ['abc']), req('y', 'in', ['jkl', 'mno']), req('z', 'notin', [''])], 'x notin (abc),y in (jkl,mno),z notin ()'],
    [[req('x', '=', ['abc']), req('y', '==', ['jkl']), req('z', '!=', ['a']), req('z', 'exists')], 'x=abc,y==jkl,z!=a,z'],
    [[req('x', 'gt', ['2']), req('y', 'lt', ['8']), req('z', 'exists')], 'x>2,y<8,z'],
  ]
  for (const [requirements, text] of cases) test(`prints as ${JSON.stringify(text)}`, () => expect(selectorString(selectorOf(requirements))).toBe(text))
  test('values print sorted without reordering the requirement itself (TestSafeSort)', () => {
    const r = req('x', 'in', ['foo', 'bar', 'foo'])
    expect(requirementString(r)).toBe('x in (bar,foo,foo)')
    expect(r.values).toEqual(['foo', 'bar', 'foo'])
  })
})

describe('requirements match label sets (TestRequirementSelectorMatching)', () => {
  const cases: Array<{ name: string; labels: Labels; requirements: Requirement[]; want: boolean }> = [
    { name: 'in and notin both satisfied match', labels: { x: 'foo', y: 'baz' }, requirements: [req('x', 'in', ['foo']), req('y', 'notin', ['alpha'])], want: true },
    { name: 'one unsatisfied in fails the whole selector', labels: { x: 'foo', y: 'baz' }, requirements: [req('x', 'in', ['foo']), req('y', 'in', ['alpha'])], want: false },
    { name: 'notin on an absent key holds', labels: { y: '' }, requirements: [req('x', 'notin', ['']), req('y', 'exists')], want: true },
    { name: 'does-not-exist on an absent key holds', labels: { y: '' }, requirements: [req('x', '!'), req('y', 'exists')], want: true },
    { name: 'does-not-exist on a present key (even with an empty value) fails', labels: { y: '' }, requirements: [req('x', 'notin', ['']), req('y', '!')], want: false },
    { name: 'in with the empty value needs the key present', labels: { y: 'baz' }, requirements: [req('x', 'in', [''])], want: false },
    { name: 'gt compares integers', labels: { z: '2' }, requirements: [req('z', 'gt', ['1'])], want: true },
    { name: 'gt on a value that is not an integer fails', labels: { z: 'v2' }, requirements: [req('z', 'gt', ['1'])], want: false },
  ]
  for (const c of cases) test(c.name, () => expect(matches(selectorOf(c.requirements), c.labels)).toBe(c.want))
  test('a requirement with an unknown operator matches nothing', () => {
    expect(requirementMatches({ key: 'x', operator: 'like' as Operator, values: [] }, { x: 'foo' })).toBe(false)
  })
  test('a key inherited from the prototype is not a label', () => {
    expect(matches(parseOrThrow('toString'), {})).toBe(false)
  })
})

describe('adding requirements (TestAdd)', () => {
  test('adding to an empty selector gives that one requirement', () => {
    expect(addRequirements(everything(), req('key', 'in', ['value']))).toEqual(selectorOf([req('key', 'in', ['value'])]))
  })
  test('adding keeps the requirements sorted by key', () => {
    const s = addRequirements(selectorOf([req('key2', '=', ['value2'])]), req('key', 'in', ['value']))
    expect(selectorString(s)).toBe('key in (value),key2=value2')
  })
  test('adding to nothing() is still nothing', () => {
    expect(addRequirements(nothing(), req('key', 'exists'))).toEqual(nothing())
  })
})

describe('exact matches (TestRequiresExactMatch)', () => {
  const cases: Array<{ name: string; requirements: Requirement[]; label: string; want: string | undefined }> = [
    { name: 'in with one value is an exact match', requirements: [req('key', 'in', ['value'])], label: 'key', want: 'value' },
    { name: 'in with two values is not an exact match', requirements: [req('key', 'in', ['value', 'value2'])], label: 'key', want: undefined },
    { name: 'the requirement on the asked key is the one that counts', requirements: [req('key', 'in', ['value', 'value1']), req('key2', 'in', ['value2'])], label: 'key2', want: 'value2' },
    { name: '= is an exact match', requirements: [req('key', '=', ['value'])], label: 'key', want: 'value' },
    { name: '== is an exact match', requirements: [req('key', '==', ['value'])], label: 'key', want: 'value' },
    { name: '!= is not an exact match', requirements: [req('key', '!=', ['value'])], label: 'key', want: undefined },
    { name: 'the first of two requirements is found', requirements: [req('key', 'in', ['value']), req('key2', 'in', ['value2'])], label: 'key', want: 'value' },
  ]
  for (const c of cases) test(c.name, () => expect(requiresExactMatch(selectorOf(c.requirements), c.label)).toBe(c.want))
})
