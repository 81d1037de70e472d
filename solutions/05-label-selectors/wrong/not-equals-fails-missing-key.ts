// Wrong: `key!=v` fails an object that has no `key` label at all, as if != meant "has the key, with another value".
import { requirementMatches as solutionRequirementMatches } from '../selector.ts'
import type { Labels, Requirement, Selector } from '../selector.ts'

export * from '../selector.ts' // the solution's, but for the functions this file defines

function requirementMatches(requirement: Requirement, labels: Labels): boolean {
  const { key, operator, values } = requirement
  if (operator === '!=') return Object.hasOwn(labels, key) && !values.includes(labels[key])
  return solutionRequirementMatches(requirement, labels)
}

export function matches(selector: Selector, labels: Labels): boolean {
  if (selector.type === 'nothing') return false
  return selector.requirements.every((r) => requirementMatches(r, labels))
}
