// Ported from TestIsLabelKey / TestIsLabelValue in
// staging/src/k8s.io/apimachinery/pkg/api/validate/content/kube_test.go (formerly
// TestIsQualifiedName / TestIsValidLabelValue in pkg/util/validation/validation_test.go).
import { describe, expect, test } from 'vitest'
import { isDNS1123Subdomain, isLabelKey, isLabelValue } from './validation.ts'

const validKeys = [
  'simple',
  'now-with-dashes',
  '1-starts-with-num',
  '1234',
  'simple/simple',
  'now-with-dashes/simple',
  'now-with-dashes/now-with-dashes',
  'now.with.dots/simple',
  'now-with.dashes-and.dots/simple',
  '1-num.2-num/3-num',
  '1234/5678',
  '1.2.3.4/5678',
  'Uppercase_Is_OK_123',
  'example.com/Uppercase_Is_OK_123',
  'requests.storage-foo',
  'a'.repeat(63),
  `${'a'.repeat(253)}/${'b'.repeat(63)}`,
]
const invalidKeys = [
  'nospecialchars%^=@',
  'cantendwithadash-',
  '-cantstartwithadash-',
  'only/one/slash',
  'Example.com/abc',
  'example_com/abc',
  'example.com/',
  '/simple',
  'a'.repeat(64),
  `${'a'.repeat(254)}/abc`,
]
const validValues = ['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', 'a'.repeat(63), '']
const invalidValues = [
  'nospecialchars%^=@',
  'Tama-nui-te-rā.is.Māori.sun',
  '\\backslashes\\are\\bad',
  '-starts-with-dash',
  'ends-with-dash-',
  '.starts.with.dot',
  'ends.with.dot.',
  'a'.repeat(64),
]

describe('label keys', () => {
  for (const key of validKeys) test(`the key ${JSON.stringify(key.length > 40 ? `${key.slice(0, 20)}…(${key.length} chars)` : key)} is valid`, () => expect(isLabelKey(key)).toEqual([]))
  for (const key of invalidKeys) test(`the key ${JSON.stringify(key.length > 40 ? `${key.slice(0, 20)}…(${key.length} chars)` : key)} is invalid`, () => expect(isLabelKey(key)).not.toEqual([]))
  test('a name part over 63 characters says so in bytes', () => {
    expect(isLabelKey('a'.repeat(64))).toEqual(['name part must be no more than 63 bytes'])
  })
  test('an empty prefix is reported as the prefix part', () => {
    expect(isLabelKey('/simple')[0]).toBe('prefix part must be non-empty')
  })
  test('a key with two slashes gets the single "valid label key" message', () => {
    expect(isLabelKey('only/one/slash')).toHaveLength(1)
    expect(isLabelKey('only/one/slash')[0]).toMatch(/^a valid label key must consist of/)
  })
})

describe('label values', () => {
  for (const value of validValues) test(`the value ${JSON.stringify(value.length > 40 ? `${value.slice(0, 10)}…(${value.length} chars)` : value)} is valid`, () => expect(isLabelValue(value)).toEqual([]))
  for (const value of invalidValues) test(`the value ${JSON.stringify(value.length > 40 ? `${value.slice(0, 10)}…(${value.length} chars)` : value)} is invalid`, () => expect(isLabelValue(value)).not.toEqual([]))
  test('the regex message names examples and the regex, as apimachinery prints it', () => {
    expect(isLabelValue('-x')).toEqual([
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ])
  })
})

describe('DNS-1123 subdomains', () => {
  test('lower-case dotted names are subdomains', () => expect(isDNS1123Subdomain('example.com')).toEqual([]))
  test('upper case is not allowed in a subdomain', () => expect(isDNS1123Subdomain('Example.com')).not.toEqual([]))
  test('a subdomain may be 253 bytes but not 254', () => {
    expect(isDNS1123Subdomain('a'.repeat(253))).toEqual([])
    expect(isDNS1123Subdomain('a'.repeat(254))).toEqual(['must be no more than 253 bytes'])
  })
})
