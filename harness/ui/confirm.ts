// A yes/no question that is safe without a terminal: --yes answers yes, and with no terminal and
// no --yes the answer is "cannot ask" (undefined), which each command turns into a clear message.
export async function confirm(message: string, yes: boolean, defaultAnswer = false): Promise<boolean | undefined> {
  if (yes) return true
  if (!process.stdin.isTTY) return undefined
  const { confirm: ask } = await import('@inquirer/prompts')
  try {
    return await ask({ message, default: defaultAnswer })
  } catch {
    // Ctrl-C at the prompt: treat as "no".
    return false
  }
}
