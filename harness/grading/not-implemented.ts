// What every body in a learner's starter file throws. The grader recognizes it and reports the
// function as "not started" rather than as a crash.

export class NotImplemented extends Error {
  override name = 'NotImplemented'
  constructor(readonly what: string) {
    super(`${what} is not written yet`)
  }
}
