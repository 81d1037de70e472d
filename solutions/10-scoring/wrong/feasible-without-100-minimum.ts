// Wrong: numFeasibleNodesToFind forgets that at least 100 nodes are always searched once the cluster has 100 or more.
export * from '../scoring.ts'

export function numFeasibleNodesToFind(percentageOfNodesToScore: number | undefined, numAllNodes: number): number {
  if (numAllNodes < 100) return numAllNodes
  let percentage = percentageOfNodesToScore ?? 0
  if (percentage === 0) percentage = Math.max(5, 50 - Math.trunc(numAllNodes / 125))
  return Math.trunc((numAllNodes * percentage) / 100)
}
