// DefaultTolerationSeconds: every new pod that does not already tolerate them gets tolerations
// for the node.kubernetes.io/not-ready and node.kubernetes.io/unreachable NoExecute taints with
// tolerationSeconds 300, so its pods are evicted five minutes after their node goes dark.
// A toleration with an empty key (or the taint's key) and an empty effect (or NoExecute) counts.
// Mirrors plugin/pkg/admission/defaulttolerationseconds/admission.go.
import type { Pod, Toleration } from 'kubernetes-types/core/v1'
import type { AdmissionAttributes, MutatingAdmissionPlugin, Operation } from './interfaces.ts'

export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready'
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable'

function tolerates(tolerations: readonly Toleration[], key: string): boolean {
  return tolerations.some((t) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect))
}

export function defaultTolerationSeconds(seconds = 300): MutatingAdmissionPlugin {
  return {
    name: 'DefaultTolerationSeconds',
    handles: (operation: Operation) => operation === 'CREATE',
    admit(attributes: AdmissionAttributes): void {
      if (attributes.resource.kind !== 'Pod' || attributes.subresource !== '') return
      const pod = attributes.object as Pod
      const spec = pod.spec
      if (spec === undefined) return
      const existing = spec.tolerations ?? []
      const added: Toleration[] = []
      if (!tolerates(existing, TAINT_NODE_NOT_READY)) added.push({ key: TAINT_NODE_NOT_READY, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds })
      if (!tolerates(existing, TAINT_NODE_UNREACHABLE)) added.push({ key: TAINT_NODE_UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds })
      if (added.length > 0) spec.tolerations = [...existing, ...added]
    },
  }
}
