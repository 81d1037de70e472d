// Ported from TestSplitTerms, TestSplitTerm, TestEscapeValue, TestSelectorParse,
// TestDeterministicParse, TestEverything, TestSelectorMatches, TestOneTermEqualSelector,
// TestSetMatches, TestSetIsEmpty, TestRequiresExactMatch and TestTransform in
// staging/src/k8s.io/apimachinery/pkg/fields/selector_test.go.
import { describe, expect, test } from 'vitest'
import {
  escapeValue,
  everythingFields,
  fieldRequiresExactMatch,
  fieldSelectorFromSet,
  fieldSelectorString,
  fieldsMatch,
  isEmptyFieldSelector,
  parseFieldSelector,
  splitTerm,
  splitTerms,
  transformFieldSelector,
  unescapeValue,
  type FieldSelector,
  type Fields,
} from './field-selector.ts'

function parseOrThrow(text: string): FieldSelector {
  const result = parseFieldSelector(text)
  if (!result.ok) throw new Error(result.error)
  return result.selector
}

describe('splitting into terms (TestSplitTerms)', () => {
  const cases: Array<[string, string[]]> = [
    ['a', ['a']],
    ['a=avalue', ['a=avalue']],
    ['a=avalue,b=bvalue', ['a=avalue', 'b=bvalue']],
    ['a=avalue,b==bvalue,c!=cvalue', ['a=avalue', 'b==bvalue', 'c!=cvalue']],
    ['', []],
    ['a=a,', ['a=a', '']],
    [',a=a', ['', 'a=a']],
    ['k=\\,,k2=v2', ['k=\\,', 'k2=v2']],
    ['k=\\\\,k2=v2', ['k=\\\\', 'k2=v2']],
    ['k=\\\\\\,,k2=v2', ['k=\\\\\\,', 'k2=v2']],
    ['k=\\a\\b\\', ['k=\\a\\b\\']],
    ['k=\\', ['k=\\']],
    ['함=수,목=록', ['함=수', '목=록']],
  ]
  for (const [text, terms] of cases) test(`${JSON.stringify(text)} splits into ${JSON.stringify(terms)}`, () => expect(splitTerms(text)).toEqual(terms))
})

describe('splitting a term (TestSplitTerm)', () => {
  const cases: Array<[string, ReturnType<typeof splitTerm>]> = [
    ['a=value', { field: 'a', operator: '=', rawValue: 'value' }],
    ['b==value', { field: 'b', operator: '==', rawValue: 'value' }],
    ['c!=value', { field: 'c', operator: '!=', rawValue: 'value' }],
    ['', undefined],
    ['a', undefined],
    ['k=\\,', { field: 'k', operator: '=', rawValue: '\\,' }],
    ['k=\\=', { field: 'k', operator: '=', rawValue: '\\=' }],
    ['k=\\\\\\a\\b\\=\\,\\', { field: 'k', operator: '=', rawValue: '\\\\\\a\\b\\=\\,\\' }],
    ['함=수', { field: '함', operator: '=', rawValue: '수' }],
  ]
  for (const [term, want] of cases) test(`${JSON.stringify(term)} splits into ${JSON.stringify(want)}`, () => expect(splitTerm(term)).toEqual(want))
})

describe('escaping values (TestEscapeValue)', () => {
  const cases: Array<[string, string]> = [
    ['', ''],
    ['a', 'a'],
    ['=', '\\='],
    [',', '\\,'],
    ['\\', '\\\\'],
    ['\\=\\,\\', '\\\\\\=\\\\\\,\\\\'],
  ]
  for (const [raw, escaped] of cases) {
    test(`${JSON.stringify(raw)} escapes to ${JSON.stringify(escaped)} and back`, () => {
      expect(escapeValue(raw)).toBe(escaped)
      expect(unescapeValue(escaped)).toEqual({ ok: true, value: raw })
    })
  }
  for (const bad of ['\\', '\\\\\\', '\\a']) {
    test(`${JSON.stringify(bad)} is an invalid escape sequence`, () => {
      const result = unescapeValue(bad)
      expect(!result.ok && result.error).toMatch(/^invalid field selector: invalid escape sequence: /)
    })
  }
  test('an unescaped = in a value is an error naming the character code', () => {
    expect(unescapeValue('a=b')).toEqual({ ok: false, error: 'invalid field selector: unescaped character in value: 61' })
  })
})

describe('parsing (TestSelectorParse)', () => {
  for (const text of ['x=a,y=b,z=c', '', 'x!=a,y=b', 'x=a||y\\=b', 'x=a\\=\\=b']) {
    test(`${JSON.stringify(text)} parses and prints back unchanged`, () => expect(fieldSelectorString(parseOrThrow(text))).toBe(text))
  }
  for (const text of ['x=a||y=b', 'x==a==b', 'x=a,b', 'x in (a)', 'x in (a,b,c)', 'x']) {
    test(`${JSON.stringify(text)} is rejected`, () => expect(parseFieldSelector(text).ok).toBe(false))
  }
  test('a term without an operator is named in the error', () => {
    expect(parseFieldSelector('x=a,b')).toEqual({ ok: false, error: "invalid selector: 'x=a,b'; can't understand 'b'" })
  })
  test('== prints as =', () => expect(fieldSelectorString(parseOrThrow('a==b'))).toBe('a=b'))
  test('empty terms are skipped', () => expect(fieldSelectorString(parseOrThrow(',a=b,,'))).toBe('a=b'))
  test('the parse is deterministic: terms come out sorted (TestDeterministicParse)', () => {
    expect(fieldSelectorString(parseOrThrow('x=a,a=x'))).toBe(fieldSelectorString(parseOrThrow('a=x,x=a')))
  })
})

describe('matching (TestSelectorMatches)', () => {
  const fieldset: Fields = { foo: 'bar', baz: 'blah', complex: '=value\\,\\' }
  const cases: Array<[string, Fields, boolean]> = [
    ['', { x: 'y' }, true],
    ['x=y', { x: 'y' }, true],
    ['x=y,z=w', { x: 'y', z: 'w' }, true],
    ['x!=y,z!=w', { x: 'z', z: 'a' }, true],
    ['notin=in', { notin: 'in' }, true],
    ['x=y', { x: 'z' }, false],
    ['x=y,z=w', { x: 'w', z: 'w' }, false],
    ['x!=y,z!=w', { x: 'z', z: 'w' }, false],
    ['foo=bar', fieldset, true],
    ['baz=blah', fieldset, true],
    ['foo=bar,baz=blah', fieldset, true],
    ['foo=bar,baz=blah,complex=\\=value\\\\\\,\\\\', fieldset, true],
    ['foo=blah', fieldset, false],
    ['baz=bar', fieldset, false],
    ['foo=bar,foobar=bar,baz=blah', fieldset, false],
    // A missing field reads as "".
    ['spec.nodeName=', {}, true],
    ['spec.nodeName!=', {}, false],
    ['spec.nodeName!=', { 'spec.nodeName': 'node-1' }, true],
  ]
  for (const [text, fields, want] of cases) {
    test(`${JSON.stringify(text)} ${want ? 'matches' : 'does not match'} ${JSON.stringify(fields)}`, () => expect(fieldsMatch(parseOrThrow(text), fields)).toBe(want))
  }
  test('everything matches and is empty (TestEverything)', () => {
    expect(fieldsMatch(everythingFields(), { x: 'y' })).toBe(true)
    expect(isEmptyFieldSelector(everythingFields())).toBe(true)
  })
  test('a one-term selector matches only its value (TestOneTermEqualSelector)', () => {
    expect(fieldsMatch(fieldSelectorFromSet({ x: 'y' }), { x: 'y' })).toBe(true)
    expect(fieldsMatch(fieldSelectorFromSet({ x: 'y' }), { x: 'z' })).toBe(false)
  })
  const labelset = { foo: 'bar', baz: 'blah' }
  for (const set of [{}, { foo: 'bar' }, { baz: 'blah' }, { foo: 'bar', baz: 'blah' }] as Fields[]) {
    test(`the set ${JSON.stringify(set)} selects ${JSON.stringify(labelset)} (TestSetMatches)`, () => expect(fieldsMatch(fieldSelectorFromSet(set), labelset)).toBe(true))
  }
  for (const set of [{ foo: '=blah' }, { baz: '=bar' }, { foo: '=bar', foobar: 'bar', baz: 'blah' }] as Fields[]) {
    test(`the set ${JSON.stringify(set)} does not select ${JSON.stringify(labelset)} (TestSetMatches)`, () => expect(fieldsMatch(fieldSelectorFromSet(set), labelset)).toBe(false))
  }
})

describe('exact matches (TestRequiresExactMatch)', () => {
  const cases: Array<[string, FieldSelector, string, string | undefined]> = [
    ['an empty set requires nothing', fieldSelectorFromSet({}), 'test', undefined],
    ['a term on another field requires nothing of this one', fieldSelectorFromSet({ a: 'b' }), 'test', undefined],
    ['a term on the field requires its value', fieldSelectorFromSet({ test: 'b' }), 'test', 'b'],
    ['a term with an empty value requires ""', fieldSelectorFromSet({ test: '' }), 'test', ''],
    ['a != term requires nothing', parseOrThrow('test!=b'), 'test', undefined],
    ['the first = term on the field is found among others', parseOrThrow('a=,test=b'), 'test', 'b'],
  ]
  for (const [name, selector, field, want] of cases) test(name, () => expect(fieldRequiresExactMatch(selector, field)).toBe(want))
})

describe('transforming (TestTransform)', () => {
  const same = (field: string, value: string) => ({ ok: true as const, field, value })
  const cases: Array<{ name: string; selector: string; fn: Parameters<typeof transformFieldSelector>[1]; result: string; empty: boolean }> = [
    { name: 'an empty selector stays empty', selector: '', fn: same, result: '', empty: true },
    { name: 'a no-op transform changes nothing', selector: 'a=b,c=d', fn: same, result: 'a=b,c=d', empty: false },
    { name: 'one field can be rewritten', selector: 'a=b,c=d', fn: (f, v) => (f === 'a' ? { ok: true, field: 'e', value: 'f' } : same(f, v)), result: 'e=f,c=d', empty: false },
    { name: 'rewriting to empty removes the term', selector: 'a=b', fn: () => ({ ok: true, field: '', value: '' }), result: '', empty: true },
    { name: 'only the emptied term is removed', selector: 'a=b,c=d,e=f', fn: (f, v) => (f === 'c' ? { ok: true, field: '', value: '' } : same(f, v)), result: 'a=b,e=f', empty: false },
  ]
  for (const c of cases) {
    test(c.name, () => {
      const result = transformFieldSelector(parseOrThrow(c.selector), c.fn)
      expect(result.ok).toBe(true)
      if (result.ok) {
        expect(fieldSelectorString(result.selector)).toBe(c.result)
        expect(isEmptyFieldSelector(result.selector)).toBe(c.empty)
      }
    })
  }
})
