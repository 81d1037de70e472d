// Wrong: creates and updates but never deletes what is no longer desired (orphans pile up).
import { isDeepStrictEqual } from 'node:util'
import type { Action, State } from '../../../src/controllers/reconcile.ts'

export function reconcile(desired: State, observed: State): Action[] {
  const actions: Action[] = []
  for (const [name, spec] of Object.entries(desired)) {
    const current = observed[name]
    if (current === undefined) actions.push({ type: 'create', name, spec })
    else if (!isDeepStrictEqual(current, spec)) actions.push({ type: 'update', name, spec })
  }
  return actions
}
