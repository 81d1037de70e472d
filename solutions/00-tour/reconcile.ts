// Lesson 00 solution: one pass over what should exist, one over what does.
import { isDeepStrictEqual } from 'node:util'
import type { Action, State } from '../../src/controllers/reconcile.ts'

export type { Action, Spec, State } from '../../src/controllers/reconcile.ts'

export function reconcile(desired: State, observed: State): Action[] {
  const actions: Action[] = []
  for (const [name, spec] of Object.entries(desired)) {
    const current = observed[name]
    if (current === undefined) actions.push({ type: 'create', name, spec })
    else if (!isDeepStrictEqual(current, spec)) actions.push({ type: 'update', name, spec })
  }
  for (const name of Object.keys(observed)) {
    if (!Object.hasOwn(desired, name)) actions.push({ type: 'delete', name })
  }
  return actions
}
