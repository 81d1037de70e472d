// Lesson 05 — label selectors. Write `parseSelector`, `matches` and `fromLabelSelector` below;
// `npm run lesson -- grade 05` grades them. The types come from the reference engine
// (src/api/selectors/), so what you return plugs straight into it.
import type { LabelSelector } from 'kubernetes-types/meta/v1.js'
import type { Labels, Selector } from '../../src/api/selectors/index.ts'
import { NotImplemented } from '../../harness/grading/not-implemented.ts'

// Two helpers, ready for you: each returns the problems with a label key / label value ([] = valid).
// Checking characters and lengths is not the point of this lesson; knowing when to call them is.
import { isLabelKey, isLabelValue } from '../../src/api/selectors/index.ts'

export type { Labels, Operator, Requirement, Selector } from '../../src/api/selectors/index.ts'

/** What parsing gives back: a selector, or the reason the text is not one. */
export type ParseResult = { readonly ok: true; readonly selector: Selector } | { readonly ok: false; readonly error: string }

/**
 * Parse a label selector as `kubectl get pods -l '...'` does, e.g. `env in (prod,qa),tier!=frontend,!legacy`.
 *
 * Return `{ ok: true, selector: { type: 'requirements', requirements } }` with one requirement per
 * comma-separated clause, `{ key, operator, values }`:
 * - `key`             → operator 'exists', values []
 * - `!key`            → operator '!' (does not exist), values []
 * - `key=v`, `key==v`, `key!=v` → operator '=', '==' or '!=', values [v]; `key=` means the value ""
 * - `key in (a,b)`, `key notin (a)` → operator 'in' or 'notin', values [a, b]; `()` is the set {""}
 *
 * Whitespace (space, tab, CR, LF) may surround any token. Keys must pass `isLabelKey`, values
 * `isLabelValue`. The empty string is the selector with no requirements. Requirements and values
 * may come back in any order; duplicate values may be dropped.
 *
 * Anything else is `{ ok: false, error }`, with a message that would help whoever typed it.
 */
export function parseSelector(text: string): ParseResult {
  throw new NotImplemented('parseSelector')
}

/**
 * Does the label set satisfy every requirement? `{ type: 'nothing' }` matches no label set at all.
 * Mind the keys that are absent from `labels`.
 */
export function matches(selector: Selector, labels: Labels): boolean {
  throw new NotImplemented('matches')
}

/**
 * Convert the selector a Deployment, ReplicaSet, Job or PodDisruptionBudget carries in its spec
 * (`matchLabels` and `matchExpressions` with operators In, NotIn, Exists, DoesNotExist) into a
 * Selector. `null`/`undefined` (no selector at all) and `{}` (an empty one) differ: find out how.
 * Invalid input (bad keys or values, In/NotIn without values, Exists/DoesNotExist with values, an
 * unknown operator) is `{ ok: false, error }`.
 */
export function fromLabelSelector(labelSelector: LabelSelector | null | undefined): ParseResult {
  throw new NotImplemented('fromLabelSelector')
}
