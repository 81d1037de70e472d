// Name and value checks, with the good/bad value tables of
// staging/src/k8s.io/apimachinery/pkg/util/validation/validation_test.go ported as data.
import { describe, expect, test } from 'vitest'
import {
  isConfigMapKey,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isEnvVarName,
  isQualifiedName,
  isValidLabelValue,
  isValidPortName,
  isValidPortNum,
  nameIsDNSSubdomain,
} from './names.ts'

const r = (s: string, n: number): string => s.repeat(n)

interface Table<T> {
  readonly name: string
  readonly check: (v: T) => string[]
  readonly good: readonly T[]
  readonly bad: readonly T[]
}

const tables: Table<string>[] = [
  {
    name: 'IsDNS1123Label',
    check: isDNS1123Label,
    good: ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2', r('a', 63)],
    bad: ['', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1', '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2', '.', 'a.', '.a', 'a.b', '1.', '.1', '1.2', ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2', r('a', 64)],
  },
  {
    name: 'IsDNS1123Subdomain',
    check: isDNS1123Subdomain,
    good: ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2', 'a.a', 'ab.a', 'abc.a', 'a1.a', 'a-1.a', 'a--1--2--b.a', 'a.1', 'ab.1', 'abc.1', 'a1.1', 'a-1.1', 'a--1--2--b.1', '0.a', '01.a', '012.a', '1a.a', '1-a.a', '1--a--b--2', '0.1', '01.1', '012.1', '1a.1', '1-a.1', '1--a--b--2.1', 'a.b.c.d.e', 'aa.bb.cc.dd.ee', '1.2.3.4.5', '11.22.33.44.55', r('a', 253)],
    bad: ['', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1', '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2', '.', 'a.', '.a', 'a..b', '1.', '.1', '1..2', ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2', 'A.a', 'aB.a', 'ab.A', 'A1.a', 'a1.A', 'A.1', 'aB.1', 'A1.1', '1A.1', '0.A', '01.A', '012.A', '1A.a', '1a.A', 'A.B.C.D.E', 'AA.BB.CC.DD.EE', 'a.B.c.d.e', 'aa.bB.cc.dd.ee', 'a@b', 'a,b', 'a_b', 'a;b', 'a:b', 'a%b', 'a?b', 'a$b', r('a', 254)],
  },
  {
    name: 'IsDNS1035Label',
    check: isDNS1035Label,
    good: ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', r('a', 63)],
    bad: ['0', '01', '012', '1a', '1-a', '1--a--b--2', '', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1', '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2', '.', 'a.', '.a', 'a.b', '1.', '.1', '1.2', ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2', r('a', 64)],
  },
  {
    name: 'IsQualifiedName',
    check: isQualifiedName,
    good: ['simple', 'now-with-dashes', '1-starts-with-num', '1234', 'simple/simple', 'now-with-dashes/simple', 'now-with-dashes/now-with-dashes', 'now.with.dots/simple', 'now-with.dashes-and.dots/simple', '1-num.2-num/3-num', '1234/5678', '1.2.3.4/5678', 'Uppercase_Is_OK_123', 'example.com/Uppercase_Is_OK_123', 'requests.storage-foo', r('a', 63), `${r('a', 253)}/${r('b', 63)}`],
    bad: ['nospecialchars%^=@', 'cantendwithadash-', '-cantstartwithadash-', 'only/one/slash', 'Example.com/abc', 'example_com/abc', 'example.com/', '/simple', r('a', 64), `${r('a', 254)}/abc`],
  },
  {
    name: 'IsValidLabelValue',
    check: isValidLabelValue,
    good: ['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', r('a', 63), ''],
    bad: ['nospecialchars%^=@', 'Tama-nui-te-rā.is.Māori.sun', '\\backslashes\\are\\bad', '-starts-with-dash', 'ends-with-dash-', '.starts.with.dot', 'ends.with.dot.', r('a', 64)],
  },
  {
    name: 'IsValidPortName',
    check: isValidPortName,
    good: ['telnet', 're-mail-ck', 'pop3', 'a', 'a-1', '1-a', 'a-1-b-2-c', '1-a-2-b-3'],
    bad: ['longerthan15characters', '', r('a', 16), '12345', '1-2-3-4', '-begin', 'end-', 'two--hyphens', 'whois++'],
  },
  {
    name: 'IsConfigMapKey',
    check: isConfigMapKey,
    good: ['a', 'good', 'good-good', 'still.good', 'this.is.also.good', '.so.is.this', 'THIS_IS_GOOD', 'so_is_this_17'],
    bad: ['.', '..', '..bad', 'b*d', 'bad!&bad'],
  },
  {
    name: 'IsEnvVarName',
    check: isEnvVarName,
    good: ['A', 'ABC', 'AbC_123', '_123', 'a', '-a', '.a', 'a.b', 'a-b', 'A_B.c-d'],
    bad: ['1', '123', '1ABC', 'A B', 'AB%', '.', '..', '..a'],
  },
]

describe.each(tables)('$name', ({ check, good, bad }) => {
  test.each(good.map((v) => [JSON.stringify(v).slice(0, 40), v]))('accepts %s', (_, v) => {
    expect(check(v)).toEqual([])
  })
  test.each(bad.map((v) => [JSON.stringify(v).slice(0, 40), v]))('rejects %s', (_, v) => {
    expect(check(v).length).toBeGreaterThan(0)
  })
})

describe('IsValidPortNum', () => {
  test.each([1, 1000, 65535])('accepts %d', (v) => expect(isValidPortNum(v)).toEqual([]))
  test.each([0, -1, 65536, 100000])('rejects %d', (v) => expect(isValidPortNum(v)).toEqual(['must be between 1 and 65535, inclusive']))
})

describe('messages read as apimachinery writes them', () => {
  test('a DNS-1123 label error names the rule, two examples joined as Go joins them, and the regex', () => {
    expect(isDNS1123Label('Web')).toEqual([
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ])
  })

  test('a generateName may end in a dash, since the random suffix follows it', () => {
    expect(nameIsDNSSubdomain('web-', true)).toEqual([])
    expect(nameIsDNSSubdomain('web-', false).length).toBeGreaterThan(0)
  })
})
