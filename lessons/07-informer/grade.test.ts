// Lesson 07 grader: your Informer and the reference (src/client/shared-informer.ts) run in the same
// generated worlds — an in-memory API server on a virtual clock, a script of writes and faults —
// each with two recording handlers. Each guarantee is checked on your informer's run; a failure
// shows the world as a timeline and your informer's requests and handler calls beside the
// reference's, with the first difference marked.
// Tier 1: a reliable server. Tier 2: closed watches, 410 Expired, bookmarks, writes to other
// resources and API server restarts.
import type fc from 'fast-check'
import { ExponentialBackoff, newIndexer, SharedIndexInformer } from '../../src/client/index.ts'
import * as guarantees from '../../src/client/informer-guarantees.ts'
import type { InformerGuarantee } from '../../src/client/informer-guarantees.ts'
import { runWorld, serverLine, type MakeInformer, type Outcome } from '../../src/client/informer-scenario.ts'
import { faultyWorld, reliableWorld, type World } from '../../src/client/informer-world-arbitrary.ts'
import { fail, guarantee, learnerCall, loadLearner, numbered, pass, sideBySide, type Verdict } from '../../harness/grading/index.ts'

const learner = await loadLearner<typeof import('./informer.ts')>(import.meta.url, 'informer.ts')

const makeReference: MakeInformer = ({ listerWatcher, clock, handlers }) => {
  const informer = new SharedIndexInformer({ listerWatcher, clock })
  for (const handler of handlers) informer.addEventHandler(handler)
  return { informer, indexer: informer.getIndexer() }
}

const makeLearner: MakeInformer = ({ listerWatcher, clock, handlers }) => {
  const indexer = newIndexer()
  const backoff = new ExponentialBackoff({ clock })
  const informer = learnerCall('new Informer(options)', () => new learner.Informer({ listerWatcher, clock, indexer, handlers, backoff }))
  return {
    indexer,
    informer: {
      run: () => learnerCall('informer.run()', () => informer.run()),
      stop: () => learnerCall('informer.stop()', () => informer.stop()),
      hasSynced: () => {
        const synced = learnerCall('informer.hasSynced()', () => informer.hasSynced())
        if (typeof synced !== 'boolean') throw new TypeError(`hasSynced() returned ${String(synced)}, not a boolean`)
        return synced
      },
    },
  }
}

/**
 * Run the learner's informer in a world. Work it does after an await (a list answer, a watch event)
 * can throw outside any call the grader made: such an error is caught here and reported as a throw
 * of the learner's code, not as a crash of the grader.
 */
async function runLearner(world: World): Promise<Outcome> {
  const saved = process.listeners('unhandledRejection')
  let asyncError: unknown
  process.removeAllListeners('unhandledRejection')
  process.on('unhandledRejection', (reason) => {
    asyncError ??= reason
  })
  try {
    const outcome = await runWorld(world.ops, world.options, makeLearner)
    if (asyncError !== undefined) learnerCall('a step of your informer (after an await)', () => {
      throw asyncError
    })
    return outcome
  } finally {
    process.removeAllListeners('unhandledRejection')
    for (const listener of saved) process.on('unhandledRejection', listener)
  }
}

const MAX_LOG_LINES = 40
function clip(lines: readonly string[]): string[] {
  return lines.length <= MAX_LOG_LINES ? [...lines] : [...lines.slice(0, MAX_LOG_LINES), `… ${lines.length - MAX_LOG_LINES} more`]
}

function scenario(world: World, problem: string, mine: Outcome, reference: Outcome): string {
  const worldLines = mine.server.length === 0 ? ['(no writes)'] : mine.server.map(serverLine)
  return [
    problem,
    '',
    `The world (the server starts at rv ${world.options.startResourceVersion} and keeps the last ${world.options.windowSize} events for watches):`,
    numbered(worldLines),
    '',
    'Requests, what came back, and what handler 1 was told:',
    sideBySide(clip(reference.log), clip(mine.log)),
  ].join('\n')
}

function describeWorld(world: World): string {
  return `server from rv ${world.options.startResourceVersion}, window ${world.options.windowSize}, ops: ${world.ops.map((o) => JSON.stringify(o)).join(' ')}`
}

function check(g: InformerGuarantee, tier: fc.Arbitrary<World>, runs: number, extra?: (o: Outcome) => string | undefined): void {
  guarantee(
    g.name,
    tier,
    async (world): Promise<Verdict> => {
      const mine = await runLearner(world)
      const problem = g.check(mine) ?? extra?.(mine)
      if (problem === undefined) return pass
      const reference = await runWorld(world.ops, world.options, makeReference)
      return fail(scenario(world, problem, mine, reference))
    },
    { runs, describe: describeWorld },
  )
}

const synced = (o: Outcome) => (o.hasSynced ? undefined : 'After the world went quiet, hasSynced() still answered false.')

// Tier 1 — a reliable API server.
check(guarantees.cacheConverges, reliableWorld, 60, synced)
check(guarantees.handlersSeeStatesInOrder, reliableWorld, 60)
check(guarantees.cacheUpdatedBeforeHandlers, reliableWorld, 50)
// Tier 2 — dropped and expired watches, bookmarks, restarts.
check(guarantees.neverAddedTwice, faultyWorld, 60)
check(guarantees.deletesNeverMissed, faultyWorld, 80)
check(guarantees.noEventLostAcrossRelist, faultyWorld, 60)
check(guarantees.expiredLeadsToRelist, faultyWorld, 60)
check(guarantees.watchResumesFromNewest, faultyWorld, 80)
