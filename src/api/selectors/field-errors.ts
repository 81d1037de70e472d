// Field-level validation errors rendered the way apimachinery renders them
// (`values[0][app]: Invalid value: "-x": ...`), and their aggregation into one message.
// Mirrors staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go (Error, Invalid,
// NotSupported) and pkg/util/errors/errors.go (aggregate.Error).

/** A field path such as `values[0][app]`; `undefined` is Go's nil *field.Path, printed `<nil>`. */
export type FieldPath = string | undefined

export function childPath(path: FieldPath, name: string): string {
  return path === undefined || path === '' ? name : `${path}.${name}`
}

export function indexPath(path: FieldPath, index: number): string {
  return `${path ?? '<nil>'}[${index}]`
}

export function keyPath(path: FieldPath, key: string): string {
  return `${path ?? '<nil>'}[${key}]`
}

/** Go's rendering of a bad value: strings quoted, string slices as JSON (a nil slice is `null`). */
function renderValue(value: string | readonly string[] | null): string {
  return JSON.stringify(value)
}

export function invalid(path: FieldPath, value: string | readonly string[] | null, detail: string): string {
  return `${path ?? '<nil>'}: Invalid value: ${renderValue(value)}${detail ? `: ${detail}` : ''}`
}

export function notSupported(path: FieldPath, value: string, supported: readonly string[]): string {
  const detail = supported.length > 0 ? `: supported values: ${supported.map((v) => JSON.stringify(v)).join(', ')}` : ''
  return `${path ?? '<nil>'}: Unsupported value: ${renderValue(value)}${detail}`
}

/** One message for several errors: the error itself when alone, else `[a, b]` without repeats. */
export function aggregate(errors: readonly string[]): string | undefined {
  const unique = [...new Set(errors)]
  if (unique.length === 0) return undefined
  if (unique.length === 1) return unique[0]
  return `[${unique.join(', ')}]`
}
