// Constructors for every failure the API server answers with, each producing the same code,
// reason, details and message text as the real apiserver.
// Mirrors NewNotFound, NewAlreadyExists, NewConflict, NewInvalid, NewResourceExpired, NewGone,
// NewBadRequest, NewMethodNotSupported, NewForbidden, NewTimeoutError, NewInternalError in
// staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go, and NewTooLargeResourceVersionError
// in staging/src/k8s.io/apiserver/pkg/storage/errors.go.
import { aggregateMessage, type FieldError } from './field-errors.ts'
import { ApiError, type StatusDetails, type StatusReason } from './status.ts'

/** A resource's group and plural name: `{ group: 'apps', resource: 'deployments' }`. */
export interface GroupResource {
  readonly group: string
  readonly resource: string
}

/** A kind qualified by group: `Pod`, `Deployment.apps` (schema.GroupKind.String()). */
export interface GroupKind {
  readonly group: string
  readonly kind: string
}

function qualifiedResource(gr: GroupResource): string {
  return gr.group === '' ? gr.resource : `${gr.resource}.${gr.group}`
}

function qualifiedKind(gk: GroupKind): string {
  return gk.group === '' ? gk.kind : `${gk.kind}.${gk.group}`
}

function failure(code: number, reason: StatusReason, message: string, details?: StatusDetails): ApiError {
  return new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code, ...(details ? { details } : {}) })
}

export function newNotFound(gr: GroupResource, name: string): ApiError {
  return failure(404, 'NotFound', `${qualifiedResource(gr)} ${JSON.stringify(name)} not found`, { name, group: gr.group, kind: gr.resource })
}

export function newAlreadyExists(gr: GroupResource, name: string): ApiError {
  return failure(409, 'AlreadyExists', `${qualifiedResource(gr)} ${JSON.stringify(name)} already exists`, { name, group: gr.group, kind: gr.resource })
}

/** The optimistic-concurrency failure text (registry.OptimisticLockErrorMsg). */
export const optimisticLockErrorMsg = 'the object has been modified; please apply your changes to the latest version and try again'

export function newConflict(gr: GroupResource, name: string, reason: string): ApiError {
  return failure(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(gr)} ${JSON.stringify(name)}: ${reason}`, {
    name,
    group: gr.group,
    kind: gr.resource,
  })
}

export function newInvalid(gk: GroupKind, name: string, errors: readonly FieldError[]): ApiError {
  const causes = errors.map((e) => ({ reason: e.type, message: e.body, field: e.field }))
  return failure(422, 'Invalid', `${qualifiedKind(gk)} ${JSON.stringify(name)} is invalid: ${aggregateMessage(errors)}`, {
    name,
    group: gk.group,
    kind: gk.kind,
    causes,
  })
}

/** 410 Expired: the resource version (or continue token) asked for is older than what is kept. */
export function newResourceExpired(message: string): ApiError {
  return failure(410, 'Expired', message)
}

export function newGone(message: string): ApiError {
  return failure(410, 'Gone', message)
}

export function newBadRequest(reason: string): ApiError {
  return failure(400, 'BadRequest', reason)
}

export function newMethodNotSupported(gr: GroupResource, action: string): ApiError {
  return failure(405, 'MethodNotAllowed', `${action} is not supported on resources of kind ${JSON.stringify(qualifiedResource(gr))}`, {
    group: gr.group,
    kind: gr.resource,
  })
}

export function newForbidden(gr: GroupResource, name: string, reason: string, causes?: StatusDetails['causes']): ApiError {
  const subject = name === '' ? qualifiedResource(gr) : `${qualifiedResource(gr)} ${JSON.stringify(name)}`
  return failure(403, 'Forbidden', `${subject} is forbidden: ${reason}`, { name, group: gr.group, kind: gr.resource, ...(causes ? { causes } : {}) })
}

export function newTooLargeResourceVersion(requested: number, current: number, retryAfterSeconds: number): ApiError {
  return failure(504, 'Timeout', `Too large resource version: ${requested}, current: ${current}`, {
    causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
    retryAfterSeconds,
  })
}

export function newInternalError(message: string): ApiError {
  return failure(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ reason: '', message }] })
}
