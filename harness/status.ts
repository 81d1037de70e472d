// Lesson statuses for list, progress and the menu, from the progress file.
import { LESSONS, type Lesson } from './catalog.ts'
import { loadProgress, type LessonStatus, type Progress } from './progress.ts'

export interface LessonRow {
  readonly lesson: Lesson
  readonly status: LessonStatus
}

export function statusOf(progress: Progress, lesson: Lesson): LessonStatus {
  return progress.lessons[lesson.id]?.status ?? 'not started'
}

export function lessonRows(): { rows: LessonRow[]; progress: Progress; warning?: string } {
  const { progress, warning } = loadProgress()
  return { rows: LESSONS.map((lesson) => ({ lesson, status: statusOf(progress, lesson) })), progress, warning }
}

/**
 * The lesson "continue" opens: the current one while it is unfinished; once it passes, the next
 * unfinished lesson after it (then any unfinished one); the first lesson for a newcomer.
 */
export function continueLesson(progress: Progress): Lesson {
  const index = LESSONS.findIndex((l) => l.id === progress.current)
  const unfinished = (l: Lesson) => statusOf(progress, l) !== 'passed'
  if (index >= 0 && unfinished(LESSONS[index])) return LESSONS[index]
  return LESSONS.slice(index + 1).find(unfinished) ?? LESSONS.find(unfinished) ?? LESSONS[Math.max(index, 0)]
}
