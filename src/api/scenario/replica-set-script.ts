// Runs one request script on the reference API server and on another ReplicaSet endpoint in
// lockstep, one request at a time on a shared virtual clock (one second apart), compares every
// answer, stops at the first step that differs (or compares the two stores at the end), and
// renders the run as a timeline a person can follow: request, reference answer, other answer.
import { Placeholders } from './placeholders.ts'
import { compareSent, compareStores, summary, type Aspect, type Difference } from './replica-set-diff.ts'
import type { Request } from './replica-set-requests.ts'
import { startReference, type ReferenceWorld, type ScriptSide, type Sent } from './replica-set-run.ts'
import type { MemoryStore } from '../../store/index.ts'
import type { VirtualClock } from '../../sim/index.ts'

export interface StepRecord {
  readonly index: number
  readonly text: string
  readonly ref: Sent
  readonly other: Sent
  readonly differences: readonly Difference[]
}

export interface ScriptResult {
  readonly steps: readonly StepRecord[]
  /** Differences between the stores after the last step (only compared when every step agreed). */
  readonly end: readonly Difference[]
  readonly pr: Placeholders
  readonly po: Placeholders
}

/** Builds the side under test over a store holding what the reference's store holds. */
export type SideFactory = (store: MemoryStore, clock: VirtualClock) => ScriptSide

export const STEP_MS = 1000

export async function compareScript(script: readonly Request[], makeSide: SideFactory): Promise<ScriptResult> {
  const reference: ReferenceWorld = await startReference()
  try {
    const other = makeSide(await reference.copyStore(), reference.clock)
    const pr = new Placeholders()
    const po = new Placeholders()
    const steps: StepRecord[] = []
    for (const [index, req] of script.entries()) {
      reference.clock.advance(STEP_MS)
      const ref = await reference.side.send(req)
      await reference.settle()
      const mine = await other.send(req)
      const generated = req.op === 'create' && req.name === 'generate'
      const differences = compareSent(ref, mine, pr, po, generated)
      steps.push({ index: index + 1, text: ref.text, ref, other: mine, differences })
      if (differences.length > 0) return { steps, end: [], pr, po }
    }
    const end = compareStores(await reference.side.dump(), await other.dump(), pr, po)
    return { steps, end, pr, po }
  } finally {
    await reference.stop()
  }
}

/** The differences that decide the run: those of the first differing step, else those at the end. */
export function firstDifferences(result: ScriptResult): readonly Difference[] {
  const last = result.steps[result.steps.length - 1]
  return last !== undefined && last.differences.length > 0 ? last.differences : result.end
}

function cell(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width)
}

/** The run as a timeline, then the differences that matter (those of `aspects` first). */
export function renderScript(result: ScriptResult, aspects: ReadonlySet<Aspect> | 'all', intro: string): string {
  const { steps, pr, po } = result
  const diffs = firstDifferences(result)
  const atStep = steps.length > 0 && steps[steps.length - 1].differences.length > 0
  const line = (sent: Sent, p: Placeholders) => {
    const text = summary(sent.outcome, p)
    return sent.removed && sent.outcome.type === 'ok' ? text.replace(/^ok /, 'ok, gone: ') : text
  }
  const rows = steps.map((s) => ({ n: `${s.index}.`, req: s.text, ref: line(s.ref, pr), mine: line(s.other, po) }))
  const wReq = Math.min(44, Math.max(7, ...rows.map((r) => r.req.length)))
  const wRef = Math.min(50, Math.max(9, ...rows.map((r) => r.ref.length)))
  const lines = [`      ${cell('request', wReq)}  ${cell('reference', wRef)}  your code`]
  rows.forEach((r, i) => {
    const mark = atStep && i === rows.length - 1 ? ' ≠' : '  '
    lines.push(`${mark}${r.n.padStart(4)} ${cell(r.req, wReq)}  ${cell(r.ref, wRef)}  ${r.mine}`)
  })
  if (rows.length === 0) lines.push('      (no requests)')
  const mine = aspects === 'all' ? diffs : diffs.filter((d) => aspects.has(d.aspect))
  const rest = aspects === 'all' ? [] : diffs.filter((d) => !aspects.has(d.aspect))
  const where = atStep ? `At step ${steps.length} (${steps[steps.length - 1].text}):` : 'After the last step, in the stores:'
  const detail = [...new Set([...mine, ...rest].map((d) => d.what))].slice(0, 6).map((what) => `  - ${what.replace(/\n/g, '\n    ')}`)
  const legend = '(spec/status: their replicas; fin: finalizers; deleting: deletionTimestamp set; gone: the request removed it)'
  return [intro, '', ...lines, legend, '', where, ...detail].join('\n')
}
