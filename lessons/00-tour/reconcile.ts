// Lesson 00 — the reconcile step. Write `reconcile` below; `npm run lesson -- grade 00` grades it.
// The types come from the reference engine, so your function plugs straight into it.
import type { Action, State } from '../../src/controllers/reconcile.ts'
import { NotImplemented } from '../../harness/grading/not-implemented.ts'

export type { Action, Spec, State } from '../../src/controllers/reconcile.ts'

/**
 * Return the actions that turn `observed` into `desired`:
 * - `{ type: 'create', name, spec }` for a name that is desired but not observed,
 * - `{ type: 'update', name, spec }` for a name observed with a spec that differs from the desired one,
 * - `{ type: 'delete', name }` for a name that is observed but no longer desired.
 *
 * Emit nothing for a name that already matches, never change `desired` or `observed`, and return
 * the actions in any order.
 */
export function reconcile(desired: State, observed: State): Action[] {
  throw new NotImplemented('reconcile')
}
