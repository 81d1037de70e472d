// Wrong: `key!=v` fails an object that has no `key` label at all, as if != meant "has the key, with another value".
import type { Labels, Requirement, Selector } from '../../../src/api/selectors/index.ts'

export { fromLabelSelector, parseSelector } from '../selector.ts'
export type { Labels, Operator, ParseResult, Requirement, Selector } from '../selector.ts'

function requirementMatches({ key, operator, values }: Requirement, labels: Labels): boolean {
  const has = Object.hasOwn(labels, key)
  switch (operator) {
    case 'in':
    case '=':
    case '==':
      return has && values.includes(labels[key])
    case 'notin':
      return !has || !values.includes(labels[key])
    case '!=':
      return has && !values.includes(labels[key])
    case 'exists':
      return has
    case '!':
      return !has
    default:
      return false
  }
}

export function matches(selector: Selector, labels: Labels): boolean {
  if (selector.type === 'nothing') return false
  return selector.requirements.every((r) => requirementMatches(r, labels))
}
