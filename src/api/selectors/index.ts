// Label and field selectors: how the API server, controllers and kubectl pick objects out of a
// collection. See the module headers for the apimachinery files each piece mirrors.
export type { Operator } from './operator.ts'
export { binaryOperators, unaryOperators, validRequirementOperators, isOperator } from './operator.ts'
export { isLabelKey, isLabelValue, isDNS1123Subdomain } from './validation.ts'
export type { Labels, Requirement, RequirementResult } from './requirement.ts'
export { newRequirement, requirementMatches, requirementString } from './requirement.ts'
export type { Selector } from './selector.ts'
export { everything, nothing, matches, isEmpty, selectorString, addRequirements, requiresExactMatch, selectorFromSet } from './selector.ts'
export type { Token, TokenKind } from './lexer.ts'
export { Lexer, tokenize } from './lexer.ts'
export type { ParseResult } from './parser.ts'
export { parse, parseToRequirements } from './parser.ts'
export type { ConvertResult } from './label-selector.ts'
export { labelSelectorAsSelector, formatLabelSelector } from './label-selector.ts'
export type { Fields, FieldOperator, FieldRequirement, FieldSelector, FieldParseResult } from './field-selector.ts'
export {
  parseFieldSelector,
  fieldsMatch,
  fieldSelectorString,
  escapeValue,
  unescapeValue,
  everythingFields,
  fieldSelectorFromSet,
  fieldRequiresExactMatch,
  isEmptyFieldSelector,
} from './field-selector.ts'
export type { ApiObject } from './selectable-fields.ts'
export { fieldGetter, selectableFields, supportedFieldLabels, parseFieldSelectorFor } from './selectable-fields.ts'
