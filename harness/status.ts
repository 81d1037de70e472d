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

/** The lesson "continue" opens: the current one, else the first not passed. */
export function continueLesson(progress: Progress): Lesson {
  return LESSONS.find((l) => l.id === progress.current) ?? LESSONS.find((l) => statusOf(progress, l) !== 'passed') ?? LESSONS[0]
}
