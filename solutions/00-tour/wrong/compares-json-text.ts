// Wrong: compares specs as JSON text, so the same spec with its keys in another order looks changed.
import type { Action, State } from '../../../src/controllers/reconcile.ts'

export function reconcile(desired: State, observed: State): Action[] {
  const actions: Action[] = []
  for (const [name, spec] of Object.entries(desired)) {
    const current = observed[name]
    if (current === undefined) actions.push({ type: 'create', name, spec })
    else if (JSON.stringify(current) !== JSON.stringify(spec)) actions.push({ type: 'update', name, spec })
  }
  for (const name of Object.keys(observed)) if (!(name in desired)) actions.push({ type: 'delete', name })
  return actions
}
