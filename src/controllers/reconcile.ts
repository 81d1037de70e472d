// The reconcile step at the heart of every Kubernetes controller: compare what should exist with
// what does, and emit the smallest set of actions that closes the gap. Real controllers wrap this
// in list-watch and work queues (Part III), but the core is this diff: see syncReplicaSet and
// manageReplicas in pkg/controller/replicaset/replica_set.go, or the create/update/delete decision
// of `kubectl apply` (staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go).
import { isDeepStrictEqual } from 'node:util'

/** What one named object should look like (a small stand-in for a Deployment's spec). */
export interface Spec {
  readonly image: string
  readonly replicas: number
  readonly labels: Readonly<Record<string, string>>
}

/** A state of the world: object name → spec. */
export type State = Readonly<Record<string, Spec>>

export type Action =
  | { readonly type: 'create'; readonly name: string; readonly spec: Spec }
  | { readonly type: 'update'; readonly name: string; readonly spec: Spec }
  | { readonly type: 'delete'; readonly name: string }

/** The actions that turn `observed` into `desired`: create what is missing, update what differs, delete what is extra. */
export function reconcile(desired: State, observed: State): Action[] {
  const actions: Action[] = []
  for (const [name, spec] of Object.entries(desired)) {
    const current = observed[name]
    if (current === undefined) actions.push({ type: 'create', name, spec })
    else if (!isDeepStrictEqual(current, spec)) actions.push({ type: 'update', name, spec })
  }
  for (const name of Object.keys(observed)) {
    if (!(name in desired)) actions.push({ type: 'delete', name })
  }
  return actions
}

export type ApplyResult =
  | { readonly ok: true; readonly state: State }
  | { readonly ok: false; readonly error: string; readonly action: Action }

/**
 * Apply actions the way the API server would: a create of an existing name is AlreadyExists, an
 * update or delete of a missing name is NotFound.
 */
export function applyActions(observed: State, actions: readonly Action[]): ApplyResult {
  const state: Record<string, Spec> = { ...observed }
  for (const action of actions) {
    const exists = Object.hasOwn(state, action.name)
    switch (action.type) {
      case 'create':
        if (exists) return { ok: false, error: `AlreadyExists: "${action.name}" already exists`, action }
        state[action.name] = action.spec
        break
      case 'update':
        if (!exists) return { ok: false, error: `NotFound: "${action.name}" does not exist`, action }
        state[action.name] = action.spec
        break
      case 'delete':
        if (!exists) return { ok: false, error: `NotFound: "${action.name}" does not exist`, action }
        delete state[action.name]
        break
      default:
        return { ok: false, error: `unknown action type ${JSON.stringify((action as { type: unknown }).type)}`, action }
    }
  }
  return { ok: true, state }
}
