// The API server's one error type: an ApiError carrying a Kubernetes Status (kind Status,
// apiVersion v1, status Failure, message, reason, details, code), exactly what a real client
// receives as the body of a failed request.
// Mirrors metav1.Status (staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go) and
// StatusError (staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go).
import type { FieldErrorType } from './field-errors.ts'

/** metav1.StatusReason values this server produces. */
export type StatusReason =
  | 'BadRequest'
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Gone'
  | 'Invalid'
  | 'ServerTimeout'
  | 'Timeout'
  | 'TooManyRequests'
  | 'MethodNotAllowed'
  | 'NotAcceptable'
  | 'RequestEntityTooLarge'
  | 'UnsupportedMediaType'
  | 'InternalError'
  | 'Expired'
  | 'ServiceUnavailable'

export interface StatusCause {
  /** A field error type, or another machine-readable cause (e.g. NamespaceTerminating). */
  readonly reason: FieldErrorType | string
  readonly message: string
  readonly field?: string
}

export interface StatusDetails {
  readonly name?: string
  readonly group?: string
  /** For most errors the resource (plural) name; for Invalid the Kind. */
  readonly kind?: string
  readonly uid?: string
  readonly causes?: readonly StatusCause[]
  readonly retryAfterSeconds?: number
}

export interface Status {
  readonly kind: 'Status'
  readonly apiVersion: 'v1'
  readonly metadata: { readonly resourceVersion?: string; readonly continue?: string }
  readonly status: 'Failure'
  readonly message: string
  readonly reason: StatusReason
  readonly details?: StatusDetails
  readonly code: number
}

/** What a request that returns no object answers (e.g. pods/binding). */
export interface SuccessStatus {
  readonly kind: 'Status'
  readonly apiVersion: 'v1'
  readonly metadata: Record<string, never>
  readonly status: 'Success'
  readonly code: number
}

export class ApiError extends Error {
  readonly status: Status

  constructor(status: Status) {
    super(status.message)
    this.name = 'ApiError'
    this.status = status
  }

  get code(): number {
    return this.status.code
  }

  get reason(): StatusReason {
    return this.status.reason
  }
}

export function isApiError(error: unknown, reason?: StatusReason): error is ApiError {
  return error instanceof ApiError && (reason === undefined || error.status.reason === reason)
}

export const isNotFound = (e: unknown): boolean => isApiError(e, 'NotFound')
export const isAlreadyExists = (e: unknown): boolean => isApiError(e, 'AlreadyExists')
export const isConflict = (e: unknown): boolean => isApiError(e, 'Conflict')
export const isInvalid = (e: unknown): boolean => isApiError(e, 'Invalid')
/** Gone or Expired: the resource version asked for is no longer available (HTTP 410). */
export const isResourceExpired = (e: unknown): boolean => isApiError(e, 'Expired') || isApiError(e, 'Gone')
