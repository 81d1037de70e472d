// Loads the learner's component. By default the file beside the grader; the harness may point it
// elsewhere (KUBEPARTS_IMPL) to grade a solution or a known-wrong answer with the same grader.
import { pathToFileURL } from 'node:url'
import { readSettings } from './settings.ts'

export async function loadLearner<T>(graderUrl: string, fileName: string): Promise<T> {
  const { implPath } = readSettings()
  const url = implPath ? pathToFileURL(implPath).href : new URL(fileName, graderUrl).href
  return (await import(/* @vite-ignore */ url)) as T
}
