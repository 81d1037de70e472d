// Command-line parsing for `npm run lesson -- <command> [id] [flags]`.
import { parseArgs } from 'node:util'

export interface Args {
  readonly command: string | undefined
  readonly positionals: readonly string[]
  readonly json: boolean
  readonly yes: boolean
  readonly poll: boolean
  readonly seed: number | undefined
  readonly runs: number | undefined
  readonly timeoutS: number | undefined
  /** Grade this file instead of the learner's (relative to the repository root). */
  readonly file: string | undefined
}

export type ParsedArgs = { readonly ok: true; readonly args: Args } | { readonly ok: false; readonly message: string }

function positiveInt(name: string, value: string | undefined): number | undefined | string {
  if (value === undefined) return undefined
  const n = Number(value)
  return Number.isSafeInteger(n) && n >= 0 ? n : `--${name} needs a whole number, got "${value}"`
}

export function parse(argv: readonly string[]): ParsedArgs {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        yes: { type: 'boolean', short: 'y', default: false },
        poll: { type: 'boolean', default: false },
        seed: { type: 'string' },
        runs: { type: 'string' },
        timeout: { type: 'string' },
        file: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (error) {
    return { ok: false, message: (error as Error).message }
  }
  const { values, positionals } = parsed
  const seed = positiveInt('seed', values.seed)
  const runs = positiveInt('runs', values.runs)
  const timeoutS = positiveInt('timeout', values.timeout)
  for (const v of [seed, runs, timeoutS]) if (typeof v === 'string') return { ok: false, message: v }
  return {
    ok: true,
    args: {
      command: values.help ? 'help' : positionals[0],
      positionals: positionals.slice(1),
      json: values.json,
      yes: values.yes,
      poll: values.poll,
      seed: seed as number | undefined,
      runs: runs as number | undefined,
      timeoutS: timeoutS as number | undefined,
      file: values.file,
    },
  }
}
