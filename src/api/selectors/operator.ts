// The operators a label requirement can use, spelled exactly as Kubernetes spells them.
// Mirrors staging/src/k8s.io/apimachinery/pkg/selection/operator.go.

export type Operator =
  | 'in'
  | 'notin'
  | '='
  | '=='
  | '!='
  | 'exists'
  | '!' // DoesNotExist
  | 'gt'
  | 'lt'

/** Operators that take values, in the order apimachinery lists them in its "expected:" messages. */
export const binaryOperators: readonly Operator[] = ['in', 'notin', '=', '==', '!=', 'gt', 'lt']

/** Operators that take no values. */
export const unaryOperators: readonly Operator[] = ['exists', '!']

export const validRequirementOperators: readonly Operator[] = [...binaryOperators, ...unaryOperators]

export function isOperator(value: unknown): value is Operator {
  return typeof value === 'string' && (validRequirementOperators as readonly string[]).includes(value)
}
