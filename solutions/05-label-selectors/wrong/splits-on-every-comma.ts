// Wrong: splits the text on every comma before parsing, which cuts `env in (prod,qa)` in two.
import { isLabelKey, isLabelValue } from '../../../src/api/selectors/index.ts'
import type { Requirement } from '../../../src/api/selectors/index.ts'
import type { ParseResult } from '../selector.ts'

export * from '../selector.ts' // the solution's, but for the functions this file defines

const exists = /^(!?)\s*([^\s=!(),]+)$/
const exact = /^([^\s=!(),]+)\s*(==|!=|=)\s*([^\s=!(),]*)$/
const set = /^([^\s=!(),]+)\s+(in|notin)\s*\(([^()]*)\)$/

function clause(text: string): Requirement | string {
  let m: RegExpExecArray | null
  let requirement: Requirement
  if ((m = exists.exec(text))) requirement = { key: m[2], operator: m[1] ? '!' : 'exists', values: [] }
  else if ((m = exact.exec(text))) requirement = { key: m[1], operator: m[2] as '=' | '==' | '!=', values: [m[3]] }
  else if ((m = set.exec(text))) requirement = { key: m[1], operator: m[2] as 'in' | 'notin', values: m[3].split(',').map((v) => v.trim()) }
  else return `cannot understand ${JSON.stringify(text)}`
  if (isLabelKey(requirement.key).length > 0) return `invalid key ${JSON.stringify(requirement.key)}`
  const bad = requirement.values.find((v) => isLabelValue(v).length > 0)
  if (bad !== undefined) return `invalid value ${JSON.stringify(bad)}`
  return requirement
}

export function parseSelector(text: string): ParseResult {
  if (text.trim() === '') return { ok: true, selector: { type: 'requirements', requirements: [] } }
  const requirements: Requirement[] = []
  for (const part of text.split(',')) {
    const result = clause(part.trim())
    if (typeof result === 'string') return { ok: false, error: result }
    requirements.push(result)
  }
  return { ok: true, selector: { type: 'requirements', requirements } }
}
