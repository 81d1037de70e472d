// `npm run lesson`: the course's one entry point. Commands are imported lazily so that a grade
// starts its grader after loading only what it needs (start-up is measured by `npm run bench`).
import { parse, type Args } from './args.ts'

type Command = (args: Args) => Promise<number>

const commands: Record<string, () => Promise<Command>> = {
  help: async () => (await import('./commands/help.ts')).help,
  list: async () => (await import('./commands/list.ts')).list,
  show: async () => (await import('./commands/show.ts')).show,
  grade: async () => (await import('./commands/grade.ts')).grade,
  watch: async () => (await import('./commands/watch.ts')).watch,
  hint: async () => (await import('./commands/hint.ts')).hint,
  reset: async () => (await import('./commands/reset.ts')).reset,
  solution: async () => (await import('./commands/solution.ts')).solution,
  progress: async () => (await import('./commands/progress.ts')).progress,
  verify: async () => (await import('./commands/verify.ts')).verify,
  menu: async () => (await import('./commands/menu.ts')).menu,
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parse(argv)
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n(run \`npm run lesson -- help\` for the commands)\n`)
    return 2
  }
  const name = parsed.args.command ?? 'menu'
  const load = commands[name]
  if (!load) {
    const { USAGE } = await import('./commands/help.ts')
    process.stderr.write(`unknown command "${name}"\n\n${USAGE}\n`)
    return 2
  }
  return (await load())(parsed.args)
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    // Only a broken harness gets here; say so plainly, with the detail for a bug report.
    process.stderr.write(`kubeparts itself failed (please report this): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = 70
  },
)
