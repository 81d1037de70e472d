// The list of subcommands, shown by `help`, by an unknown command, and when there is no terminal.
export const USAGE = `kubeparts — learn how Kubernetes works inside by rebuilding its parts

  npm run lesson                              the interactive course (needs a terminal)
  npm run lesson -- list [--json]             every lesson with its status
  npm run lesson -- show <id>                 render the lesson text
  npm run lesson -- grade <id> [--seed N] [--runs N] [--json]   exit 0 pass, 1 fail
                    [--timeout S]  seconds before code that never returns is stopped (default 20)
                    [--file path]  grade another file against the lesson's grader
  npm run lesson -- watch <id> [--poll]       re-grade on every save
  npm run lesson -- hint <id>                 the next hint
  npm run lesson -- reset <id> [--yes]        put the starter file back (yours is kept in .kubeparts/backups)
  npm run lesson -- solution <id> [--yes]     show the solution
  npm run lesson -- progress [--json]         progress summary (instructors: collect the JSON)
  npm run lesson -- verify [<id>]             authors: starters fail, solutions pass, wrong answers are rejected

<id> is the lesson number (00) or its slug (tour).`

export async function help(): Promise<number> {
  process.stdout.write(`${USAGE}\n`)
  return 0
}
