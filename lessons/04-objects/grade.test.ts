// Lesson 04 grader: your ReplicaSet registry, run request by request beside the reference API
// server (src/api) on generated scripts — several clients creating, reading, updating with fresh
// or stale resourceVersions, writing status, deleting objects held by finalizers — and then with
// clients racing on one object under every interleaving of their store calls.
// Each scripted guarantee looks at the first request where your answer differs from the
// reference's (or at the two stores at the end) and fails when that difference is its business,
// so a failure names the rule that broke. The race guarantee checks the store's history instead.
import fc from 'fast-check'
import type { ReplicaSet } from 'kubernetes-types/apps/v1'
import { fail, guarantee, learnerCall, learnerCallAsync, loadLearner, pass } from '../../harness/grading/index.ts'
import { Random } from '../../src/sim/index.ts'
import type { KeyValueStore } from '../../src/store/index.ts'
import type { Clock } from '../../src/sim/clock.ts'
import type { Aspect } from '../../src/api/scenario/replica-set-diff.ts'
import type { ReplicaSetEndpoint } from '../../src/api/scenario/replica-set-endpoint.ts'
import { requestScript, type Focus } from '../../src/api/scenario/replica-set-request-arbitrary.ts'
import type { Request } from '../../src/api/scenario/replica-set-requests.ts'
import { raceSituation, runRace, type RaceRun, type RaceSituation } from '../../src/api/scenario/replica-set-race.ts'
import { ScriptSide } from '../../src/api/scenario/replica-set-run.ts'
import { compareScript, firstDifferences, renderScript } from '../../src/api/scenario/replica-set-script.ts'

const learner = await loadLearner<typeof import('./registry.ts')>(import.meta.url, 'registry.ts')

// ── Your registry, guarded ───────────────────────────────────────────────────────────────────

type Caught = { readonly ok: true; readonly value: ReplicaSet } | { readonly ok: false; readonly error: unknown }

function isApiError(error: unknown): boolean {
  const status = (error as { status?: { kind?: unknown } } | null)?.status
  return typeof status === 'object' && status !== null && status.kind === 'Status'
}

/** Every call goes through learnerCallAsync; an ApiError is an answer, any other throw a fault. */
function guarded(registry: InstanceType<typeof learner.ReplicaSetRegistry>): ReplicaSetEndpoint {
  const run = async (label: string, fn: () => Promise<ReplicaSet>, inputs: unknown[]): Promise<ReplicaSet> => {
    const caught = await learnerCallAsync<Caught>(
      label,
      () =>
        fn().then(
          (value): Caught => ({ ok: true, value }),
          (error): Caught => {
            if (isApiError(error)) return { ok: false, error }
            throw error
          },
        ),
      inputs,
    )
    if (caught.ok) return caught.value
    throw caught.error
  }
  return {
    create: (ns, rs) => run(`registry.create(${JSON.stringify(ns)}, ${rs.metadata?.name || rs.metadata?.generateName || 'rs'})`, () => registry.create(ns, rs), [rs]),
    get: (ns, name) => run(`registry.get(${JSON.stringify(ns)}, ${JSON.stringify(name)})`, () => registry.get(ns, name), []),
    update: (ns, rs) => run(`registry.update(${JSON.stringify(ns)}, ${rs.metadata?.name})`, () => registry.update(ns, rs), [rs]),
    updateStatus: (ns, rs) => run(`registry.updateStatus(${JSON.stringify(ns)}, ${rs.metadata?.name})`, () => registry.updateStatus(ns, rs), [rs]),
    delete: (ns, name) => run(`registry.delete(${JSON.stringify(ns)}, ${JSON.stringify(name)})`, () => registry.delete(ns, name), []),
  }
}

function newRegistry(store: KeyValueStore, clock: Clock): ReplicaSetEndpoint {
  const registry = learnerCall('new ReplicaSetRegistry({ store, clock, random })', () => new learner.ReplicaSetRegistry({ store, clock, random: new Random(7) }))
  return guarded(registry)
}

// ── Scripted guarantees: beside the reference, request by request ───────────────────────────

const describeScript = (script: readonly Request[]) =>
  script.map((r, i) => `${i + 1}. c${r.client} ${r.op} ${'ref' in r ? r.ref : r.name}${'change' in r ? ` (${r.change}, rv ${r.rv})` : ''}${r.ns === 'default' ? '' : ` in ${r.ns}`}`).join('\n')

function scripted(name: string, focus: Focus, aspects: readonly Aspect[] | 'all', intro: string, runs: number): void {
  const owned = aspects === 'all' ? 'all' : new Set(aspects)
  guarantee(
    name,
    requestScript(focus, { min: 2, max: 11 }),
    async (script) => {
      const result = await compareScript(script, (store, clock) => new ScriptSide(newRegistry(store, clock), store))
      const diffs = firstDifferences(result)
      const mine = owned === 'all' ? diffs.length > 0 : diffs.some((d) => owned.has(d.aspect))
      return mine ? fail(renderScript(result, owned, intro)) : pass
    },
    { runs, describe: describeScript },
  )
}

scripted(
  'the server fills in uid, name and creationTimestamp on create, and no update changes them',
  'identity',
  ['identity'],
  'An object\'s identity differs from the reference\'s. On create the server sets uid (newUid), creationTimestamp (from the clock), and the name from generateName; an update keeps uid (when the request has none), creationTimestamp and name, whatever the request says.',
  60,
)

scripted(
  'invalid objects are rejected with reason Invalid and a cause per field',
  'invalid',
  ['invalid'],
  'A request was validated differently from the reference. Invalid is 422 with one cause per field error: on create the name errors first (required or isDNS1123Subdomain), then validateReplicaSetExceptName; on update validateReplicaSetUpdate, on /status validateReplicaSetStatusUpdate. The message is `ReplicaSet.apps "<name>" is invalid: <errors>`.',
  40,
)

scripted(
  'resourceVersion is the store revision of the object\'s last write',
  'rv',
  ['rv'],
  'A resourceVersion (or the store itself) differs from the reference. An object\'s resourceVersion is the mod revision of its key: the revision of the txn that last wrote it, never stored inside the value. A write that changes nothing must not write at all.',
  50,
)

scripted(
  'an update carrying a stale resourceVersion is rejected with 409 Conflict',
  'conflict',
  ['conflict'],
  'Optimistic concurrency decided differently from the reference. An update whose metadata.resourceVersion is not exactly the key\'s current mod revision gets 409 Conflict (`Operation cannot be fulfilled on replicasets.apps "<name>": the object has been modified; please apply your changes to the latest version and try again`); an empty one means "the current version".',
  50,
)

scripted(
  'generation moves only when the spec changes',
  'generation',
  ['generation'],
  'metadata.generation differs from the reference. It is 1 on create and goes up by one on an update whose spec (after defaulting) differs from the stored spec; metadata-only updates, status updates and a request\'s own generation change nothing.',
  40,
)

scripted(
  'a status update cannot change the spec, and an update cannot change the status',
  'specStatus',
  ['specStatus'],
  'spec or status differs from the reference. An update (PUT) keeps the stored status whatever the request says; an update of /status keeps the stored spec.',
  40,
)

scripted(
  'an object with finalizers lives until the last one is removed',
  'finalizers',
  ['finalizers'],
  'An object\'s deletion went differently from the reference. Deleting an object with finalizers only sets deletionTimestamp (and deletionGracePeriodSeconds: 0); it stays, readable and updatable, until an update leaves it with no finalizers, which deletes it.',
  50,
)

// ── Racing clients: the store's history must show no lost update ─────────────────────────────

function describeRace(situation: RaceSituation): string {
  if (situation.kind === 'creates') return `${situation.replicas.length} clients create "web" at the same time`
  return `"web" exists${situation.finalizers ? ' (with a finalizer)' : ''}; at the same time, ${situation.clients
    .map((c, i) => `c${i + 1} gets it, changes ${c.change}, and updates${c.change === 'status' ? ' /status' : ''} ${c.rv === 'seen' ? 'with the resourceVersion it read' : 'without a resourceVersion'}${c.retry ? ' (retrying once after a 409)' : ''}`)
    .join('; ')}`
}

function renderRace(situation: RaceSituation, run: RaceRun): string {
  const answer = (e: RaceRun['events'][number]) =>
    e.outcome.type === 'ok' ? `ok rv=${e.outcome.obj?.metadata?.resourceVersion}` : `${e.outcome.status.code} ${e.outcome.status.reason}`
  return [
    'Clients raced, each through its own registry over one store (as several kube-apiservers share one etcd):',
    `  ${describeRace(situation)}`,
    '',
    'What each client saw, in the order the answers came:',
    ...run.events.map((e) => `  c${e.client} ${e.text.padEnd(44)} → ${answer(e)}`),
    '',
    `Store calls, in the order they ran: ${run.storeCalls.join(' · ') || '(none)'}`,
    '',
    ...run.problems.map((p) => `- ${p}`),
  ].join('\n')
}

guarantee(
  'no update is lost when two clients race',
  fc.tuple(raceSituation(), fc.scheduler()),
  async ([situation, scheduler]) => {
    const run = await runRace(situation, scheduler, (store, clock) => newRegistry(store, clock))
    return run.problems.length === 0 ? pass : fail(renderRace(situation, run))
  },
  { runs: 120, describe: ([situation]) => describeRace(situation) },
)

// ── Everything else: the whole answer and the whole store ─────────────────────────────────────

scripted(
  'every request gets the reference\'s answer, and the store ends in the same state',
  'all',
  'all',
  'Your registry answered a request differently from the reference (or your store ended differently).',
  40,
)
