// Kubernetes resource quantities ("100m", "1.5", "128Mi", "2k", "1e3") parsed into exact integers,
// the way resource.Quantity does for the values a cluster uses. Mirrors
// staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go (ParseQuantity, Value, MilliValue):
//
//   <quantity>  ::= <sign>? <digits> ( "." <digits>? )? <suffix>   (or "." <digits>)
//   <suffix>    ::= Ki | Mi | Gi | Ti | Pi | Ei            binary, powers of 1024
//                 | n | u | m | "" | k | M | G | T | P | E  decimal, powers of 1000
//                 | (e | E) <sign>? <digits>             decimal exponent
//
// Value() and MilliValue() round up (toward +∞) to a whole unit / milli-unit, so "0.5" is 1 as a
// Value and "100m" is 1 byte of memory. We keep every quantity as milli-units (ceil(q × 1000));
// cpu is used as milli-cpu and everything else as ceil(milli / 1000). Arithmetic is exact while
// values stay below 2^53 milli-units (about 9 × 10^12 whole units: 9 TB of memory).

/** Raised for a string that is not a Kubernetes quantity. */
export class QuantityError extends Error {
  override name = 'QuantityError'
  constructor(readonly input: string) {
    super(`quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': ${JSON.stringify(input)}`)
  }
}

const binarySuffixes: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 }
const decimalSuffixes: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 }
const shape = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/

/** Beyond this decimal exponent the value is clamped, as Quantity clamps to int64. */
const maxExponent = 40

function pow10(n: number): bigint {
  return 10n ** BigInt(n)
}

/** ceil(numerator / denominator) for a positive denominator. */
function ceilDiv(numerator: bigint, denominator: bigint): bigint {
  const q = numerator / denominator
  return numerator % denominator > 0n ? q + 1n : q
}

/**
 * The quantity in milli-units, rounded up: "100m" → 100, "1" → 1000, "1Ki" → 1024000,
 * "0.1m" → 1. Throws QuantityError for anything Quantity would reject.
 */
// Parsing is pure and the same few quantities ("100m", "500Mi") recur in every pod: remember them.
const parsedQuantities = new Map<string, number>()
const maxParsedQuantities = 4096

export function quantityToMilli(input: string | number): number {
  const text = typeof input === 'number' ? String(input) : input
  let milli = parsedQuantities.get(text)
  if (milli === undefined) {
    milli = parseQuantityToMilli(text)
    if (parsedQuantities.size >= maxParsedQuantities) parsedQuantities.clear()
    parsedQuantities.set(text, milli)
  }
  return milli
}

function parseQuantityToMilli(text: string): number {
  const m = shape.exec(text)
  if (!m) throw new QuantityError(text)
  const [, sign, whole, fraction = '', suffix] = m
  if (whole === '' && fraction === '') throw new QuantityError(text)
  let exp10 = -fraction.length
  let exp2 = 0
  if (Object.hasOwn(binarySuffixes, suffix)) exp2 = binarySuffixes[suffix]
  else if (Object.hasOwn(decimalSuffixes, suffix)) exp10 += decimalSuffixes[suffix]
  else if (/^[eE][+-]?\d+$/.test(suffix)) exp10 += Number(suffix.slice(1))
  else throw new QuantityError(text)
  let mantissa = BigInt((whole || '0') + fraction)
  if (mantissa === 0n) return 0
  if (sign === '-') mantissa = -mantissa
  // value × 1000 = mantissa × 2^exp2 × 10^(exp10 + 3)
  const scale = exp10 + 3
  if (scale > maxExponent) return mantissa > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER
  let numerator = mantissa << BigInt(exp2)
  let milli: bigint
  if (scale >= 0) milli = numerator * pow10(scale)
  else if (-scale > maxExponent) milli = numerator > 0n ? 1n : 0n
  else milli = ceilDiv(numerator, pow10(-scale))
  numerator = milli
  if (numerator > BigInt(Number.MAX_SAFE_INTEGER)) return Number.MAX_SAFE_INTEGER
  if (numerator < -BigInt(Number.MAX_SAFE_INTEGER)) return -Number.MAX_SAFE_INTEGER
  return Number(numerator)
}

/** Quantity.MilliValue(): milli-units, rounded up ("1.5" → 1500, cpu "250m" → 250). */
export function milliValue(input: string | number): number {
  return quantityToMilli(input)
}

/** Quantity.Value(): whole units, rounded up ("128Mi" → 134217728, "1.5" → 2, "100m" → 1). */
export function value(input: string | number): number {
  return Math.ceil(quantityToMilli(input) / 1000)
}

/** Whole units from milli-units, rounded up, as Value() would give for the same quantity. */
export function milliToValue(milli: number): number {
  return Math.ceil(milli / 1000)
}

/** The quantity, or undefined when the text is not a quantity. */
export function tryQuantityToMilli(input: string | number): number | undefined {
  try {
    return quantityToMilli(input)
  } catch (error) {
    if (error instanceof QuantityError) return undefined
    throw error
  }
}

/** Milli-cpu for people: 1500 → "1500m", 2000 → "2". */
export function formatMilliCPU(milli: number): string {
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`
}

/** Bytes for people: 134217728 → "128Mi", 1500 → "1500". */
export function formatBytes(bytes: number): string {
  if (bytes === 0) return '0'
  for (const [suffix, shift] of [['Ei', 60], ['Pi', 50], ['Ti', 40], ['Gi', 30], ['Mi', 20], ['Ki', 10]] as const) {
    const unit = 2 ** shift
    if (bytes % unit === 0 && Math.abs(bytes) >= unit) return `${bytes / unit}${suffix}`
  }
  return String(bytes)
}
