// Field-level validation errors: which field, what kind of problem, and how it prints
// (`spec.containers[0].image: Required value`). A validator returns a list of these; the API
// server folds a non-empty list into one `Invalid` Status (see api-errors.ts).
// Mirrors staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go (Error, ErrorType,
// Required, Invalid, NotSupported, Forbidden, Duplicate, TooLong, TooMany) and path.go.

/** The kinds of field error, named by the StatusCause reason they become (field.ErrorType). */
export type FieldErrorType =
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueDuplicate'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'FieldValueNotFound'

export interface FieldError {
  readonly type: FieldErrorType
  /** Dotted path with indexes and map keys: `spec.containers[0].image`, `metadata.labels[app]`. */
  readonly field: string
  /** Text after the type, e.g. `Required value` or `Invalid value: "Web": must be ...`. */
  readonly body: string
}

export type FieldErrorList = FieldError[]

/** `path.child` — builds field paths the way field.Path does. */
export function child(path: string, ...names: string[]): string {
  let out = path
  for (const name of names) out = out === '' ? name : `${out}.${name}`
  return out
}

export function index(path: string, i: number): string {
  return `${path}[${i}]`
}

export function key(path: string, k: string): string {
  return `${path}[${k}]`
}

/** Go's %#v of a value as the field errors print it: strings quoted, numbers bare, others as JSON. */
function render(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (value === undefined || value === null) return 'null'
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  return JSON.stringify(value)
}

function withDetail(text: string, detail: string | undefined): string {
  return detail ? `${text}: ${detail}` : text
}

export function required(field: string, detail?: string): FieldError {
  return { type: 'FieldValueRequired', field, body: withDetail('Required value', detail) }
}

export function invalid(field: string, value: unknown, detail?: string): FieldError {
  return { type: 'FieldValueInvalid', field, body: withDetail(`Invalid value: ${render(value)}`, detail) }
}

export function notSupported(field: string, value: unknown, supported: readonly string[]): FieldError {
  const detail = supported.length > 0 ? `supported values: ${supported.map((v) => JSON.stringify(v)).join(', ')}` : undefined
  return { type: 'FieldValueNotSupported', field, body: withDetail(`Unsupported value: ${render(value)}`, detail) }
}

export function forbidden(field: string, detail?: string): FieldError {
  return { type: 'FieldValueForbidden', field, body: withDetail('Forbidden', detail) }
}

export function duplicate(field: string, value: unknown): FieldError {
  return { type: 'FieldValueDuplicate', field, body: `Duplicate value: ${render(value)}` }
}

export function tooLong(field: string, maxLength: number): FieldError {
  return { type: 'FieldValueTooLong', field, body: `Too long: may not be more than ${maxLength} bytes` }
}

export function tooMany(field: string, actual: number, max: number): FieldError {
  return { type: 'FieldValueTooMany', field, body: `Too many: ${actual}: must have at most ${max} items` }
}

/** The whole error as one line: `field: body`. */
export function fieldErrorString(error: FieldError): string {
  return error.field === '' ? error.body : `${error.field}: ${error.body}`
}

/** Several errors as one message: the error when alone, else `[a, b]` without repeats (utilerrors.Aggregate). */
export function aggregateMessage(errors: readonly FieldError[]): string {
  const unique = [...new Set(errors.map(fieldErrorString))]
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`
}

/** The standard immutability error (apimachinery's ValidateImmutableField). */
export const fieldImmutableErrorMsg = 'field is immutable'

export function validateImmutableField(newValue: unknown, oldValue: unknown, field: string): FieldErrorList {
  return deepEqualJson(newValue, oldValue) ? [] : [invalid(field, newValue, fieldImmutableErrorMsg)]
}

/** Structural equality of JSON values (apiequality.Semantic.DeepEqual for our plain objects). */
export function deepEqualJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!deepEqualJson(a[i], b[i])) return false
    return true
  }
  if (Array.isArray(b)) return false
  const ak = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined)
  const bk = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined)
  if (ak.length !== bk.length) return false
  for (const k of ak) if (!deepEqualJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false
  return true
}
