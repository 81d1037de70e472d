// The grading process. The harness runs each grade here, in a child process, because learner code
// that loops forever hangs vitest for good (its timeouts cannot interrupt synchronous code); the
// parent kills this process when its time is up. Plain JavaScript on purpose: it starts on bare
// Node without tsx's loader, which keeps a grade close to the cost of a bare `vitest run`
// (measured by `npm run bench -- grade-overhead`). Vitest itself compiles the TypeScript it runs.
//
// argv: <grader file> <run|watch> <learner file> [poll], or `standby`: load vitest at once and wait
// for { type: 'start', args, env } (harness/grade/prewarm.mjs starts one while tsx is still
// loading the harness). Messages to the parent (IPC):
//   { type: 'run-start' }
//   { type: 'result', tests: [{ name, status, message }], errors: [string] }
//   { type: 'output', text }   what the learner's code printed, capped
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const send = (message) => process.send?.(message)
const OUTPUT_CAP = 4000
let outputBudget = OUTPUT_CAP

function statusOf(test) {
  const result = test.result()
  if (result.state === 'passed') return { status: 'passed', message: '' }
  if (result.state !== 'failed') return { status: 'skipped', message: '' }
  const error = result.errors?.[0] ?? {}
  const status = error.name === 'NotStarted' ? 'not started' : 'failed'
  // Our own failures carry the whole report in their message; anything else (an expect() in a
  // grader, an error thrown at import) keeps its name so the learner can tell what kind it is.
  const plain = error.name === 'GuaranteeFailure' || error.name === 'NotStarted'
  const message = plain ? error.message : `${error.name ?? 'Error'}: ${error.message ?? String(error)}`
  return { status, message }
}

const reporter = {
  onTestRunStart() {
    outputBudget = OUTPUT_CAP
    send({ type: 'run-start' })
  },
  onUserConsoleLog(log) {
    if (outputBudget <= 0) return
    const text = log.content.length > outputBudget ? `${log.content.slice(0, outputBudget)}\n… (output cut)\n` : log.content
    outputBudget -= text.length
    send({ type: 'output', text })
  },
  onTestRunEnd(testModules, unhandledErrors) {
    const tests = []
    const errors = []
    for (const module of testModules) {
      for (const error of module.errors()) errors.push(`${error.name ?? 'Error'}: ${error.message}`)
      for (const test of module.children.allTests()) tests.push({ name: test.name, ...statusOf(test) })
    }
    for (const error of unhandledErrors) errors.push(`${error?.name ?? 'Error'}: ${error?.message ?? String(error)}`)
    send({ type: 'result', tests, errors })
  },
}

async function grade([graderFile, mode = 'run', learnerFile, poll], { startVitest }) {
  const vitest = await startVitest(
    'test',
    [graderFile],
    {
      watch: mode === 'watch',
      config: false,
      include: ['lessons/**/grade.test.ts'],
      pool: 'threads',
      isolate: false,
      reporters: [reporter],
      // The parent enforces the real time limit (it can interrupt a loop; vitest cannot).
      testTimeout: 0,
      // Transformed modules are kept on disk between grades (a learner re-grades often, and most of
      // what a grader imports never changes): it saves a good part of each grade's start-up.
      experimental: { fsModuleCache: true },
      // A save of the learner's file re-runs the grader, however the grader imported it.
      watchTriggerPatterns: learnerFile ? [{ pattern: new RegExp(`${escape(learnerFile)}$`), testsToRun: () => graderFile }] : [],
    },
    poll ? { server: { watch: { usePolling: true, interval: 200 } } } : {},
  )
  if (mode !== 'watch') {
    await vitest?.close()
    process.exit(0)
  }
  }

const argv = process.argv.slice(2)
if (argv[0] === 'standby') {
  const loading = import('vitest/node')
  // A standby process nobody claimed goes away with its parent.
  process.on('disconnect', () => process.exit(0))
  process.once('message', async (message) => {
    for (const key of message.unset ?? []) delete process.env[key]
    Object.assign(process.env, message.env)
    await grade(message.args, await loading)
  })
} else {
  await grade(argv, await import('vitest/node'))
}
