// Wrong: a null LabelSelector is treated like an empty one and selects every object, instead of none.
import type { LabelSelector } from 'kubernetes-types/meta/v1.js'
import { fromLabelSelector as convert, type ParseResult } from '../selector.ts'

export { matches, parseSelector } from '../selector.ts'
export type { Labels, Operator, ParseResult, Requirement, Selector } from '../selector.ts'

export function fromLabelSelector(labelSelector: LabelSelector | null | undefined): ParseResult {
  return convert(labelSelector ?? {})
}
