// Cases ported from TestQuantityParse and TestQuantityValue-style checks in
// staging/src/k8s.io/apimachinery/pkg/api/resource/quantity_test.go, restated as Value() and
// MilliValue() results (both round up).
import { describe, expect, test } from 'vitest'
import { formatBytes, formatMilliCPU, milliValue, QuantityError, quantityToMilli, value } from './quantity.ts'

describe('quantity', () => {
  const parsed: [string, number, number][] = [
    // input, Value(), MilliValue()
    ['0', 0, 0],
    ['0n', 0, 0],
    ['0u', 0, 0],
    ['0m', 0, 0],
    ['0Ki', 0, 0],
    ['0k', 0, 0],
    ['0Mi', 0, 0],
    ['0M', 0, 0],
    ['0Gi', 0, 0],
    ['0G', 0, 0],
    ['0Ti', 0, 0],
    ['0T', 0, 0],
    // binary suffixes
    ['1Ki', 1024, 1024000],
    ['8Ki', 8192, 8192000],
    ['7Mi', 7340032, 7340032000],
    ['6Gi', 6442450944, 6442450944000],
    ['5Ti', 5497558138880, 5497558138880000],
    ['128Mi', 134217728, 134217728000],
    // decimal suffixes
    ['5n', 1, 1],
    ['4u', 1, 1],
    ['3m', 1, 3],
    ['9', 9, 9000],
    ['8k', 8000, 8000000],
    ['7M', 7000000, 7000000000],
    ['6G', 6000000000, 6000000000000],
    ['2k', 2000, 2000000],
    // decimal exponents
    ['1e3', 1000, 1000000],
    ['1E3', 1000, 1000000],
    ['1e+3', 1000, 1000000],
    ['1E-3', 1, 1],
    ['1e-3', 1, 1],
    ['12E-2', 1, 120],
    ['1e0', 1, 1000],
    ['129e6', 129000000, 129000000000],
    // fractions round up
    ['1.5', 2, 1500],
    ['0.5', 1, 500],
    ['.5', 1, 500],
    ['1.', 1, 1000],
    ['1.5Gi', 1610612736, 1610612736000],
    ['0.1m', 1, 1],
    ['100m', 1, 100],
    ['250m', 1, 250],
    ['1000m', 1, 1000],
    ['1500m', 2, 1500],
    ['+1', 1, 1000],
    ['-1', -1, -1000],
    ['1.25k', 1250, 1250000],
  ]
  test.each(parsed)('%s parses to Value %d and MilliValue %d', (input, v, mv) => {
    expect(value(input)).toBe(v)
    expect(milliValue(input)).toBe(mv)
  })

  test('a number from YAML (cpu: 2) is read like the string "2"', () => {
    expect(quantityToMilli(2)).toBe(2000)
    expect(quantityToMilli(0.5)).toBe(500)
  })

  const invalid = ['', '1.1.1', '1+1', '1i', '1Kb', '1 Ki', 'abc', '1e', '.', 'Ki', '+', '1e1.5', '1MiB', '--1', '1ki']
  test.each(invalid)('%j is not a quantity', (input) => {
    expect(() => quantityToMilli(input)).toThrow(QuantityError)
  })

  test('people read cpu in millicores or cores and memory in binary units', () => {
    expect(formatMilliCPU(1500)).toBe('1500m')
    expect(formatMilliCPU(2000)).toBe('2')
    expect(formatBytes(134217728)).toBe('128Mi')
    expect(formatBytes(1610612736)).toBe('1536Mi')
    expect(formatBytes(1500)).toBe('1500')
  })
})
