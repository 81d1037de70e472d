// What the harness tells a grader through the environment of the grading process. A grader run by
// hand (`npx vitest run lessons/00-tour/grade.test.ts`) gets the same defaults the harness uses.

export interface GradingSettings {
  /** The base seed; every guarantee derives its own seed from it and its name. */
  readonly seed: number
  /** Runs per guarantee when the harness asks for a number (`--runs N`), else each guarantee's own. */
  readonly runs: number | undefined
  /** The lesson id used in the replay command. */
  readonly lessonId: string | undefined
  /** A file the grader writes each guarantee's name to as it starts, so a hang can be named. */
  readonly progressFile: string | undefined
  /** An absolute path that replaces the learner's file (verify and bench grade solutions this way). */
  readonly implPath: string | undefined
  /** The command that re-runs this grade, to which `--seed N` is added. */
  readonly replay: string | undefined
}

export const DEFAULT_SEED = 42

function intFrom(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined
  const n = Number(value)
  return Number.isSafeInteger(n) ? n : undefined
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): GradingSettings {
  return {
    seed: intFrom(env.KUBEPARTS_SEED) ?? DEFAULT_SEED,
    runs: intFrom(env.KUBEPARTS_RUNS),
    lessonId: env.KUBEPARTS_LESSON || undefined,
    progressFile: env.KUBEPARTS_PROGRESS_FILE || undefined,
    implPath: env.KUBEPARTS_IMPL || undefined,
    replay: env.KUBEPARTS_REPLAY || undefined,
  }
}
