// Ported from TestSelectorParse, TestDeterministicParse and TestSetSelectorParser in
// staging/src/k8s.io/apimachinery/pkg/labels/selector_test.go, with the error messages of
// selector.go's parser.
import { describe, expect, test } from 'vitest'
import type { Operator } from './operator.ts'
import { parse } from './parser.ts'
import type { Requirement } from './requirement.ts'
import { selectorString } from './selector.ts'

const req = (key: string, operator: Operator, values: string[] = []): Requirement => ({ key, operator, values })

function parsed(text: string): Requirement[] {
  const result = parse(text)
  if (!result.ok) throw new Error(`expected ${JSON.stringify(text)} to parse: ${result.error}`)
  if (result.selector.type !== 'requirements') throw new Error('parse never returns nothing()')
  return [...result.selector.requirements]
}

describe('round trips (TestSelectorParse)', () => {
  const good = ['x=a,y=b,z=c', '', 'x!=a,y=b', 'x=', 'x= ', 'x=,z= ', 'x= ,z= ', '!x', 'x>1', 'x>1,z<5']
  for (const text of good) {
    test(`${JSON.stringify(text)} parses and prints back without its spaces`, () => {
      const result = parse(text)
      expect(result.ok && selectorString(result.selector)).toBe(text.replaceAll(' ', ''))
    })
  }
  const bad = ['x=a||y=b', 'x==a==b', '!x=a', 'x<a']
  for (const text of bad) test(`${JSON.stringify(text)} is rejected`, () => expect(parse(text).ok).toBe(false))
})

test('the parse is deterministic: requirements come out sorted by key (TestDeterministicParse)', () => {
  const a = parse('x=a,a=x')
  const b = parse('a=x,x=a')
  expect(a.ok && b.ok && selectorString(a.selector)).toBe(b.ok && selectorString(b.selector))
  expect(a.ok && selectorString(a.selector)).toBe('a=x,x=a')
})

describe('set-based selectors (TestSetSelectorParser)', () => {
  const valid: Array<{ text: string; requirements: Requirement[] }> = [
    { text: '', requirements: [] },
    { text: '\rx', requirements: [req('x', 'exists')] },
    { text: 'this-is-a-dns.domain.com/key-with-dash', requirements: [req('this-is-a-dns.domain.com/key-with-dash', 'exists')] },
    { text: 'this-is-another-dns.domain.com/key-with-dash in (so,what)', requirements: [req('this-is-another-dns.domain.com/key-with-dash', 'in', ['so', 'what'])] },
    { text: '0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)', requirements: [req('0.1.2.domain/99', 'notin', ['10.10.100.1', 'tick.tack.clock'])] },
    { text: 'foo  in\t (abc)', requirements: [req('foo', 'in', ['abc'])] },
    { text: 'x notin\n (abc)', requirements: [req('x', 'notin', ['abc'])] },
    { text: 'x  notin\t\t\t(abc,def)', requirements: [req('x', 'notin', ['abc', 'def'])] },
    { text: 'x in (abc,def)', requirements: [req('x', 'in', ['abc', 'def'])] },
    { text: 'x in (abc,)', requirements: [req('x', 'in', ['', 'abc'])] },
    { text: 'x in ()', requirements: [req('x', 'in', [''])] },
    {
      text: 'x notin (abc,,def),bar,z in (),w',
      requirements: [req('bar', 'exists'), req('w', 'exists'), req('x', 'notin', ['', 'abc', 'def']), req('z', 'in', [''])],
    },
    { text: 'x,y in (a)', requirements: [req('x', 'exists'), req('y', 'in', ['a'])] },
    { text: 'x=a', requirements: [req('x', '=', ['a'])] },
    { text: 'x>1', requirements: [req('x', 'gt', ['1'])] },
    { text: 'x<7', requirements: [req('x', 'lt', ['7'])] },
    { text: 'x=a,y!=b', requirements: [req('x', '=', ['a']), req('y', '!=', ['b'])] },
    { text: 'x=a,y!=b,z in (h,i,j)', requirements: [req('x', '=', ['a']), req('y', '!=', ['b']), req('z', 'in', ['h', 'i', 'j'])] },
    { text: 'x notin ( )', requirements: [req('x', 'notin', [''])] },
    { text: 'x notin (, a)', requirements: [req('x', 'notin', ['', 'a'])] },
    { text: 'a ', requirements: [req('a', 'exists')] },
    { text: 'a in (x,y,notin, z,in)', requirements: [req('a', 'in', ['in', 'notin', 'x', 'y', 'z'])] },
    // Beyond the upstream table: keywords as keys, `==`, spaces around `!`, duplicate values.
    { text: 'notin=in', requirements: [req('notin', '=', ['in'])] },
    { text: 'in', requirements: [req('in', 'exists')] },
    { text: 'x==a', requirements: [req('x', '==', ['a'])] },
    { text: '! x', requirements: [req('x', '!')] },
    { text: 'x in (b,a,b)', requirements: [req('x', 'in', ['a', 'b'])] },
    { text: 'x in(a)', requirements: [req('x', 'in', ['a'])] },
    { text: 'x=a,x!=b', requirements: [req('x', '=', ['a']), req('x', '!=', ['b'])] },
  ]
  for (const { text, requirements } of valid) {
    test(`${JSON.stringify(text)} parses to ${requirements.map((r) => `${r.key} ${r.operator} [${r.values.join(',')}]`).join('; ') || 'no requirements'}`, () => {
      expect(parsed(text)).toEqual(requirements)
    })
  }
  const invalid = [
    'x=a||y=b',
    'x,,y',
    ',x,y',
    'x nott in (y)',
    'a in (xyz),',
    'a in (xyz)b notin ()',
    'a in (xyz abc)',
    'a notin(',
    'a (',
    '(',
    // Beyond the upstream table.
    '-bad',
    'a/b/c',
    `${'k'.repeat(64)}`,
    `x=${'v'.repeat(64)}`,
    'x=-v',
    'x in (a,-b)',
    '!',
    'x!',
    'x in',
    'x in (a',
    'x in (a,=)',
    ',',
    'x>-1',
    'x>a',
  ]
  for (const text of invalid) test(`${JSON.stringify(text)} is rejected`, () => expect(parse(text).ok).toBe(false))
  test('a key of 63 characters and a value of 63 characters are accepted', () => {
    expect(parse(`${'k'.repeat(63)}=${'v'.repeat(63)}`).ok).toBe(true)
  })
})

describe('error messages', () => {
  const cases: Array<[string, string]> = [
    ['!x=a', "found '=', expected: ',' or 'end of string'"],
    ['x=a||y=b', 'unable to parse requirement: values[0][x]: Invalid value: "a||y"'],
    [',x', "found ',', expected: !, identifier, or 'end of string'"],
    ['x,,y', "found ',', expected: identifier after ','"],
    ['x,', "found '', expected: identifier after ','"],
    ['!', "unable to parse requirement: found '', expected: identifier"],
    ['x nott in (y)', "unable to parse requirement: found 'nott', expected: in, notin, =, ==, !=, gt, lt"],
    ['x in a', "unable to parse requirement: found 'a' expected: '('"],
    ['a in (xyz abc)', "unable to parse requirement: found 'abc', expected: ',' or ')'"],
    ['a in (x,=)', "unable to parse requirement: found '=', expected: ',', or identifier"],
    ['a in =', "unable to parse requirement: found '=' expected: '('"],
    ['a in (=', "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
    ['x=(', "unable to parse requirement: found '(', expected: identifier"],
    [
      '-bad',
      "unable to parse requirement: <nil>: Invalid value: \"-bad\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ],
    ['x=-v', 'unable to parse requirement: values[0][x]: Invalid value: "-v": a valid label must be an empty string'],
    ['x>a', "unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer"],
  ]
  for (const [text, message] of cases) {
    test(`${JSON.stringify(text)} is rejected with "${message.length > 70 ? `${message.slice(0, 70)}…` : message}"`, () => {
      const result = parse(text)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.startsWith(message)).toBe(true)
    })
  }
})
