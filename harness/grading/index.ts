// What a grader imports: guarantees and verdicts, the guarded learner call, the learner loader,
// and the scenario formatters.
export { guarantee, pass, fail, type Verdict, type GuaranteeOptions } from './guarantee.ts'
export { learnerCall, learnerCallAsync, LearnerFault } from './learner-call.ts'
export { loadLearner } from './learner.ts'
export { NotImplemented } from './not-implemented.ts'
export { show, numbered, sideBySide } from './scenario.ts'
