// Wrong: a null LabelSelector is treated like an empty one and selects every object, instead of none.
import type { LabelSelector } from 'kubernetes-types/meta/v1.js'
import { fromLabelSelector as convert, type ParseResult } from '../selector.ts'

export * from '../selector.ts' // the solution's, but for the functions this file defines

export function fromLabelSelector(labelSelector: LabelSelector | null | undefined): ParseResult {
  return convert(labelSelector ?? {})
}
