// Wrong: the adaptive percentage 50 − nodes/125 is not held at 5% or more, so very large clusters search fewer nodes than they should.
export * from '../scoring.ts'

export function numFeasibleNodesToFind(percentageOfNodesToScore: number | undefined, numAllNodes: number): number {
  if (numAllNodes < 100) return numAllNodes
  let percentage = percentageOfNodesToScore ?? 0
  if (percentage === 0) percentage = 50 - Math.trunc(numAllNodes / 125)
  return Math.max(100, Math.trunc((numAllNodes * percentage) / 100))
}
