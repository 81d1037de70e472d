// Turning list/watch/get options into what the server acts on: parsed selectors (400 when they
// do not parse), the resourceVersion and resourceVersionMatch rules, and which source serves a
// list — the store at a revision or the watch cache.
// Mirrors ValidateListOptions (staging/src/k8s.io/apimachinery/pkg/apis/meta/internalversion/validation/validation.go),
// shouldDelegateList / isLegacyExactMatch in staging/src/k8s.io/apiserver/pkg/storage/cacher/cacher.go
// and the selector parsing of the request scope (labels.Parse, fields.ParseSelector + field label conversion).
import { parse, parseFieldSelectorFor, type FieldSelector, type Selector } from '../selectors/index.ts'
import { newBadRequest } from '../errors/api-errors.ts'
import type { ResourceInfo } from '../registry/resource-info.ts'
import type { ListOptions, ResourceVersionMatch } from '../types.ts'

export interface Selectors {
  readonly label: Selector
  readonly field: FieldSelector
}

export function parseSelectors(resource: ResourceInfo, labelSelector: string | undefined, fieldSelector: string | undefined): Selectors {
  const label = parse(labelSelector ?? '')
  if (!label.ok) throw newBadRequest(`unable to parse requirement: ${label.error}`)
  const field = parseFieldSelectorFor(resource.kind, fieldSelector ?? '')
  if (!field.ok) throw newBadRequest(field.error)
  return { label: label.selector, field: field.selector }
}

/** A resourceVersion option as a revision; 400 when it is not a number. */
export function parseRevision(rv: string): number {
  if (!/^\d+$/.test(rv)) throw newBadRequest(`invalid resource version: ${JSON.stringify(rv)}`)
  return Number(rv)
}

/** Where a list is served from. */
export type ListSource =
  | { readonly type: 'cache'; readonly notOlderThan: number; readonly consistent: boolean }
  | { readonly type: 'store'; readonly revision: number }
  | { readonly type: 'continue'; readonly token: string }

export function validateResourceVersionMatch(rv: string | undefined, match: ResourceVersionMatch | undefined, hasContinue: boolean): void {
  if (match === undefined) return
  if (match !== 'NotOlderThan' && match !== 'Exact') {
    throw newBadRequest(`resourceVersionMatch: Unsupported value: ${JSON.stringify(match)}: supported values: "Exact", "NotOlderThan", ""`)
  }
  if (hasContinue) throw newBadRequest('resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden when continue is provided')
  if (rv === undefined || rv === '') throw newBadRequest('resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided')
  if (match === 'Exact' && rv === '0') throw newBadRequest('resourceVersionMatch: Forbidden: resourceVersionMatch "exact" is forbidden for resourceVersion "0"')
}

export function listSource(options: ListOptions): ListSource {
  const rv = options.resourceVersion ?? ''
  const match = options.resourceVersionMatch
  const limit = options.limit ?? 0
  if (!Number.isInteger(limit) || limit < 0) throw newBadRequest(`limit: Invalid value: ${limit}: must be a non-negative integer`)
  validateResourceVersionMatch(rv, match, !!options.continue)
  if (options.continue) {
    if (rv !== '' && rv !== '0') throw newBadRequest('specifying resource version is not allowed when using continue')
    return { type: 'continue', token: options.continue }
  }
  if (rv === '') return limit > 0 ? { type: 'store', revision: 0 } : { type: 'cache', notOlderThan: 0, consistent: true }
  const revision = parseRevision(rv)
  if (match === 'Exact') return { type: 'store', revision }
  // A limit with a non-zero version and no match is the legacy exact list (isLegacyExactMatch).
  if (match === undefined && limit > 0 && revision !== 0) return { type: 'store', revision }
  return { type: 'cache', notOlderThan: revision, consistent: false }
}
