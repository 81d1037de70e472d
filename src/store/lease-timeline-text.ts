// Lease timelines as text, for people: a step in words (`grant lease 1, ttl 5 s`), a time
// (`12.345 s`), and a row as a client saw it then the store after it (`ok @3 · gone a b @4 ⇒ a(1)
// c @4`). Two runs are compared through these strings, so what is shown is what is checked.
import { compareKeys } from './keys.ts'
import type { LeaseStep, StepOutcome, TimelineRow } from './lease-timeline.ts'

export interface RenderOptions {
  /** Show revisions (off when only the timing of expiry matters). */
  readonly revisions: boolean
}

/** `12.345 s` */
export function formatTime(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`
}

/** The step in words: `grant lease 1, ttl 5 s`, `put a on lease 1`, `wait 1.500 s`. */
export function describeStep(step: LeaseStep): string {
  switch (step.type) {
    case 'grant':
      return `grant lease ${step.id}, ttl ${step.ttl} s`
    case 'keepAlive':
      return `keep lease ${step.id} alive`
    case 'revoke':
      return `revoke lease ${step.id}`
    case 'put':
      return step.lease === 0 ? `put ${step.key}` : `put ${step.key} on lease ${step.lease}`
    case 'delete':
      return `delete ${step.key}`
    case 'timeToLive':
      return `time-to-live ${step.id}${step.keys ? ' +keys' : ''}`
    case 'leases':
      return 'list leases'
    case 'wait':
      return `wait ${formatTime(step.ms)}`
    case 'waitForDeadline':
      return `wait until lease ${step.id}'s deadline ${step.offsetMs >= 0 ? '+' : '−'} ${Math.abs(step.offsetMs)} ms`
  }
}

function describeOutcome(o: StepOutcome, options: RenderOptions): string {
  const rev = (n: number) => (options.revisions ? ` @${n}` : '')
  switch (o.type) {
    case 'error':
      return `✗ ${o.code}`
    case 'granted':
      return `lease ${o.id}, ttl ${o.ttl}`
    case 'keptAlive':
      return `ttl ${o.ttl}`
    case 'revoked':
      return 'ok'
    case 'put':
      return `ok${rev(o.revision)}`
    case 'deleted':
      return `deleted ${o.deleted}${o.deleted > 0 ? rev(o.revision) : ''}`
    case 'timeToLive':
      return o.ttl === -1 && o.grantedTtl === 0 ? 'no such lease' : `${o.ttl} of ${o.grantedTtl} s${o.keys.length > 0 ? `, keys ${o.keys.join(' ')}` : ''}`
    case 'leases':
      return o.ids.length === 0 ? 'none' : o.ids.join(' ')
    case 'waited':
      return ''
  }
}

/** What a client saw at this step, then the store after it: `ok @3 · gone a b @4 ⇒ a(1) c @4`. */
export function describeRow(row: TimelineRow, options: RenderOptions): string {
  const answer = describeOutcome(row.outcome, options)
  const quiet = row.step.type === 'put' || row.step.type === 'delete'
  // Without revisions, what vanished in the step is one set: only when matters, not in how many revisions.
  const groups = options.revisions ? row.vanished : row.vanished.length > 0 ? [{ revision: 0, keys: row.vanished.flatMap((v) => v.keys).sort(compareKeys) }] : []
  const gone = quiet ? [] : groups.map((v) => `gone ${v.keys.join(' ')}${options.revisions ? ` @${v.revision}` : ''}`)
  const said = [answer, ...gone].filter((s) => s !== '').join(' · ') || '—'
  const keys = row.keys.length === 0 ? '(no keys)' : row.keys.map((k) => (k.lease === 0 ? k.key : `${k.key}(${k.lease})`)).join(' ')
  return `${said} ⇒ ${keys}${options.revisions ? ` @${row.revision}` : ''}`
}
