// The result of running a plugin: a discriminated union, never a throw, for every expected
// outcome. Mirrors the Code and Status of staging/src/k8s.io/kube-scheduler/framework/interface.go
// (older trees: pkg/scheduler/framework/interface.go):
//   Success                        the node passes / the step went fine
//   Unschedulable                  the node does not fit now; preemption might make it fit
//   UnschedulableAndUnresolvable   the node does not fit and preemption cannot help
//   Error                          a bug or an internal failure; the cycle is aborted
//   Skip                           (PreFilter/PreScore only) this plugin has nothing to do for the pod
// Reasons are the short texts that aggregate into "0/3 nodes are available: ...".

export type Status =
  | { readonly code: 'Success' }
  | { readonly code: 'Skip' }
  | { readonly code: 'Unschedulable'; readonly reasons: readonly string[] }
  | { readonly code: 'UnschedulableAndUnresolvable'; readonly reasons: readonly string[] }
  | { readonly code: 'Error'; readonly message: string }

export type Code = Status['code']

/** A status that rejects the node (or the pod): Unschedulable or UnschedulableAndUnresolvable. */
export type Rejection = Extract<Status, { readonly reasons: readonly string[] }>

export const success: Status = Object.freeze({ code: 'Success' })
export const skip: Status = Object.freeze({ code: 'Skip' })

export function unschedulable(...reasons: string[]): Rejection {
  return { code: 'Unschedulable', reasons }
}

export function unresolvable(...reasons: string[]): Rejection {
  return { code: 'UnschedulableAndUnresolvable', reasons }
}

export function errorStatus(message: string): Status {
  return { code: 'Error', message }
}

export function isSuccess(status: Status): boolean {
  return status.code === 'Success'
}

export function isRejected(status: Status): status is Rejection {
  return status.code === 'Unschedulable' || status.code === 'UnschedulableAndUnresolvable'
}

/** The texts a status contributes to a FailedScheduling message (Status.Reasons in Go). */
export function reasonsOf(status: Status): readonly string[] {
  switch (status.code) {
    case 'Unschedulable':
    case 'UnschedulableAndUnresolvable':
      return status.reasons
    case 'Error':
      return [status.message]
    default:
      return []
  }
}

/** Status.Message(): the reasons joined by ", ". */
export function messageOf(status: Status): string {
  return reasonsOf(status).join(', ')
}

/** One line for people: `Unschedulable: Insufficient cpu, Too many pods`. */
export function showStatus(status: Status): string {
  const message = messageOf(status)
  return message === '' ? status.code : `${status.code}: ${message}`
}

/** A status together with the plugin that returned it (Status.Plugin() in Go). */
export interface PluginStatus {
  readonly plugin: string
  readonly status: Status
}
