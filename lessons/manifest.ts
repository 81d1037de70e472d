// The course, in order: the one place lesson ids, slugs, titles, parts and file names are written.
// Every path (lesson folder, learner file, grader, hints, solution, wrong answers) is derived from
// an entry by harness/catalog.ts; nothing else repeats them. Ids are stable: never renumber.

export interface LessonEntry {
  /** Two digits, stable forever; the course order. */
  readonly id: string
  /** Folder-name part after the id: lessons/<id>-<slug>/. */
  readonly slug: string
  readonly title: string
  /** The part of the course it belongs to (see the README's path). */
  readonly part: string
  /** The learner's file in the lesson folder; the solution has the same name. */
  readonly component: string
}

export const PARTS = [
  'Tour',
  "I. The cluster's memory",
  'II. The API server',
  'III. Client machinery',
  'IV. Scheduling',
  'V. Controllers',
  'VI. The node',
  'VII. Networking',
  'Capstone',
] as const

export const lessons: readonly LessonEntry[] = [
  { id: '00', slug: 'tour', title: 'A tour: the reconcile step', part: 'Tour', component: 'reconcile.ts' },
  { id: '01', slug: 'mvcc-store', title: 'The MVCC store: revisions, range and transactions', part: "I. The cluster's memory", component: 'mvcc.ts' },
  { id: '02', slug: 'watch', title: 'Watch: every change after a revision, in order, exactly once', part: "I. The cluster's memory", component: 'watch.ts' },
  { id: '03', slug: 'leases', title: 'Leases: TTLs, keep-alives and expiry', part: "I. The cluster's memory", component: 'lessor.ts' },
  { id: '04', slug: 'objects', title: 'Objects and optimistic concurrency: resourceVersion, 409, generation', part: 'II. The API server', component: 'registry.ts' },
  { id: '05', slug: 'label-selectors', title: 'Label selectors: parse and match', part: 'II. The API server', component: 'selector.ts' },
  { id: '06', slug: 'watch-cache', title: 'List-watch and the watch cache: resourceVersions, 410 Gone, bookmarks', part: 'II. The API server', component: 'watch-cache.ts' },
  { id: '07', slug: 'informer', title: 'The informer: list, watch, relist, and a cache you can trust', part: 'III. Client machinery', component: 'informer.ts' },
  { id: '08', slug: 'work-queue', title: 'The work queue: dedupe, dirty/processing, rate-limited retry', part: 'III. Client machinery', component: 'workqueue.ts' },
  { id: '09', slug: 'filters', title: 'Scheduler filters: which nodes can take this pod', part: 'IV. Scheduling', component: 'filters.ts' },
  { id: '10', slug: 'scoring', title: 'Scoring and selection: the best node, fairly chosen', part: 'IV. Scheduling', component: 'scoring.ts' },
]
