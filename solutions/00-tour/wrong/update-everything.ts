// Wrong: updates every desired object that exists, even when it already matches (a controller that
// rewrites the world on every sync, bumping resourceVersions and waking every watcher).
import type { Action, State } from '../../../src/controllers/reconcile.ts'

export function reconcile(desired: State, observed: State): Action[] {
  const actions: Action[] = []
  for (const [name, spec] of Object.entries(desired)) {
    actions.push(name in observed ? { type: 'update', name, spec } : { type: 'create', name, spec })
  }
  for (const name of Object.keys(observed)) if (!(name in desired)) actions.push({ type: 'delete', name })
  return actions
}
