// Field selectors (`kubectl get pods --field-selector spec.nodeName=node-1,status.phase!=Running`):
// comma-separated terms `field=value`, `field==value` or `field!=value`, matched against the few
// fields each kind exposes (see selectable-fields.ts). Values escape `\`, `,` and `=` with a
// backslash. A field the object lacks reads as "", so `spec.nodeName=` selects unscheduled pods.
// Mirrors staging/src/k8s.io/apimachinery/pkg/fields/selector.go (ParseSelector, splitTerms,
// splitTerm, EscapeValue, UnescapeValue, hasTerm, notHasTerm, andTerm) and fields.go (Set).
import { compareStrings } from './requirement.ts'

/** A field set: field path → value, e.g. { "metadata.name": "web-0", "spec.nodeName": "node-1" }. */
export type Fields = Readonly<Record<string, string>>

export type FieldOperator = '=' | '==' | '!='

export interface FieldRequirement {
  readonly field: string
  readonly operator: FieldOperator
  readonly value: string
}

/** The AND of its terms, in the order the parser sorted them (by their raw text). */
export interface FieldSelector {
  readonly requirements: readonly FieldRequirement[]
}

export type FieldParseResult = { readonly ok: true; readonly selector: FieldSelector } | { readonly ok: false; readonly error: string }

export function everythingFields(): FieldSelector {
  return { requirements: [] }
}

/** Backslash-escape `\`, `,` and `=` so any literal can be a field selector value. */
export function escapeValue(value: string): string {
  return value.replace(/[\\,=]/g, (c) => `\\${c}`)
}

export type UnescapeResult = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly error: string }

/** Undo escapeValue; an unknown escape, a lone trailing `\`, or a bare `,`/`=` is an error. */
export function unescapeValue(text: string): UnescapeResult {
  if (!/[\\,=]/.test(text)) return { ok: true, value: text }
  let value = ''
  let inSlash = false
  for (const c of text) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=') return { ok: false, error: `invalid field selector: invalid escape sequence: \\${c}` }
      value += c
      inSlash = false
    } else if (c === '\\') {
      inSlash = true
    } else if (c === ',' || c === '=') {
      return { ok: false, error: `invalid field selector: unescaped character in value: ${c.codePointAt(0)}` }
    } else {
      value += c
    }
  }
  if (inSlash) return { ok: false, error: 'invalid field selector: invalid escape sequence: \\' }
  return { ok: true, value }
}

/** Split on commas not preceded by a backslash escape; the escapes stay in the terms. */
export function splitTerms(selector: string): string[] {
  if (selector.length === 0) return []
  const terms: string[] = []
  let start = 0
  let inSlash = false
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i]
    if (inSlash) inSlash = false
    else if (c === '\\') inSlash = true
    else if (c === ',') {
      terms.push(selector.slice(start, i))
      start = i + 1
    }
  }
  terms.push(selector.slice(start))
  return terms
}

const termOperators: readonly FieldOperator[] = ['!=', '==', '=']

/** Split a term at the first operator (`!=` before `==` before `=`); the field part has no escapes. */
export function splitTerm(term: string): { field: string; operator: FieldOperator; rawValue: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const operator of termOperators) {
      if (term.startsWith(operator, i)) return { field: term.slice(0, i), operator, rawValue: term.slice(i + operator.length) }
    }
  }
  return undefined
}

export function parseFieldSelector(selector: string): FieldParseResult {
  const terms = splitTerms(selector).sort(compareStrings)
  const requirements: FieldRequirement[] = []
  for (const term of terms) {
    if (term === '') continue
    const split = splitTerm(term)
    if (split === undefined) return { ok: false, error: `invalid selector: '${selector}'; can't understand '${term}'` }
    const value = unescapeValue(split.rawValue)
    if (!value.ok) return value
    requirements.push({ field: split.field, operator: split.operator, value: value.value })
  }
  return { ok: true, selector: { requirements } }
}

/** Set.Get: a missing field reads as "". */
function get(fields: Fields, field: string): string {
  return Object.hasOwn(fields, field) ? fields[field] : ''
}

export function fieldsMatch(selector: FieldSelector, fields: Fields): boolean {
  return selector.requirements.every((r) => (r.operator === '!=' ? get(fields, r.field) !== r.value : get(fields, r.field) === r.value))
}

export function isEmptyFieldSelector(selector: FieldSelector): boolean {
  return selector.requirements.length === 0
}

/** The canonical text: `field=value` or `field!=value` (`==` prints as `=`), values escaped. */
export function fieldSelectorString(selector: FieldSelector): string {
  return selector.requirements.map((r) => `${r.field}${r.operator === '!=' ? '!=' : '='}${escapeValue(r.value)}`).join(',')
}

/** If a term pins `field` with `=`/`==`, its value. */
export function fieldRequiresExactMatch(selector: FieldSelector, field: string): string | undefined {
  return selector.requirements.find((r) => r.field === field && r.operator !== '!=')?.value
}

/** The selector matching exactly these field values (fields.SelectorFromSet). */
export function fieldSelectorFromSet(set: Fields): FieldSelector {
  return { requirements: Object.entries(set).map(([field, value]) => ({ field, operator: '=', value })) }
}

/**
 * Rewrite every term's field and value (fields.ParseAndTransformSelector); a term rewritten to an
 * empty field and value is dropped. The API server uses this to reject unsupported fields.
 */
export function transformFieldSelector(
  selector: FieldSelector,
  fn: (field: string, value: string) => { ok: true; field: string; value: string } | { ok: false; error: string },
): FieldParseResult {
  const requirements: FieldRequirement[] = []
  for (const r of selector.requirements) {
    const out = fn(r.field, r.value)
    if (!out.ok) return out
    if (out.field === '' && out.value === '') continue
    requirements.push({ ...r, field: out.field, value: out.value })
  }
  return { ok: true, selector: { requirements } }
}
