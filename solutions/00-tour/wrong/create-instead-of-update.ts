// Wrong: "creates" whatever differs from desired, even when it exists (the API server answers AlreadyExists).
import { isDeepStrictEqual } from 'node:util'
import type { Action, State } from '../../../src/controllers/reconcile.ts'

export function reconcile(desired: State, observed: State): Action[] {
  const actions: Action[] = []
  for (const [name, spec] of Object.entries(desired)) {
    if (!isDeepStrictEqual(observed[name], spec)) actions.push({ type: 'create', name, spec })
  }
  for (const name of Object.keys(observed)) if (!(name in desired)) actions.push({ type: 'delete', name })
  return actions
}
