// Wrong: patches the observed state in place while diffing (it is the informer's cache: never write to it).
import { isDeepStrictEqual } from 'node:util'
import type { Action, State, Spec } from '../../../src/controllers/reconcile.ts'

export function reconcile(desired: State, observed: State): Action[] {
  const actions: Action[] = []
  const world = observed as Record<string, Spec>
  for (const [name, spec] of Object.entries(desired)) {
    if (world[name] === undefined) actions.push({ type: 'create', name, spec })
    else if (!isDeepStrictEqual(world[name], spec)) actions.push({ type: 'update', name, spec })
    world[name] = spec
  }
  for (const name of Object.keys(world)) if (!(name in desired)) actions.push({ type: 'delete', name })
  return actions
}
