// Work derived from a pod, done once per pod object. Pods reach the scheduler from the API server
// deeply frozen, and a changed pod is a new object, so what a plugin computes from one (its
// requests, its affinity terms) can be kept with it. kube-scheduler gets the same effect by
// computing a PodInfo once per pod update (framework.NewPodInfo, kept in QueuedPodInfo) instead
// of once per plugin per cycle; here a cycle's plugins would otherwise redo it six times, which
// was most of what a cycle allocated.
// An object that is not frozen (a test's or a learner's pod) is never remembered: it may change.
import type { Pod } from 'kubernetes-types/core/v1.js'

function immutable(pod: Pod): boolean {
  return Object.isFrozen(pod) && (pod.spec === undefined || Object.isFrozen(pod.spec)) && (pod.metadata === undefined || Object.isFrozen(pod.metadata))
}

/** `compute`, remembered per frozen pod object; the result must be treated as read-only. */
export function memoizedPerPod<T>(compute: (pod: Pod) => T): (pod: Pod) => T {
  const memo = new WeakMap<Pod, T>()
  return (pod) => {
    // A remembered pod was frozen when it was remembered, and frozen objects stay frozen.
    let value = memo.get(pod)
    if (value !== undefined) return value
    value = compute(pod)
    if (immutable(pod)) memo.set(pod, value)
    return value
  }
}
