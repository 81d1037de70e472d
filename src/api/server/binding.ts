// The pods/binding subresource: the scheduler's way to put a pod on a node. It sets spec.nodeName
// of a pod that has none (merging the binding's annotations and setting PodScheduled=True); a pod
// already assigned, being deleted, or still gated is a 409 on pods/binding.
// Mirrors BindingREST.Create / assignPod / setPodHostAndAnnotations in
// pkg/registry/core/pod/storage/storage.go (and podutil.UpdatePodCondition).
import type { Binding, Pod } from 'kubernetes-types/core/v1'
import { newConflict, newInvalid, newNotFound } from '../errors/api-errors.ts'
import { notSupported, required } from '../errors/field-errors.ts'
import type { GenericRegistry } from './generic-registry.ts'

function bindingConflict(name: string, reason: string) {
  return newConflict({ group: '', resource: 'pods/binding' }, name, reason)
}

/** Bind the pod named by the binding, in namespace `ns`; `now` is the RFC 3339 time for the condition. */
export async function bindPod(reg: GenericRegistry, ns: string, binding: Binding, now: string): Promise<void> {
  const name = binding.metadata?.name ?? ''
  const target = binding.target
  if (target?.kind && target.kind !== 'Node') {
    throw newInvalid({ group: '', kind: 'Binding' }, name, [notSupported('target.kind', target.kind, ['Node', '<empty>'])])
  }
  if (!target?.name) throw newInvalid({ group: '', kind: 'Binding' }, name, [required('target.name')])
  if (!name) throw newInvalid({ group: '', kind: 'Binding' }, name, [required('metadata.name', 'name or generateName is required')])
  await reg.storage.guaranteedUpdate(
    reg.key(ns, name),
    (current) => {
      if (current === undefined) throw newNotFound(reg.info.groupResource, name)
      const pod = current.obj as Pod
      if (binding.metadata?.uid && binding.metadata.uid !== pod.metadata?.uid) {
        throw bindingConflict(name, `Precondition failed: UID in precondition: ${binding.metadata.uid}, UID in object meta: ${pod.metadata?.uid ?? ''}`)
      }
      if (pod.metadata?.deletionTimestamp !== undefined) throw bindingConflict(name, `pod ${name} is being deleted, cannot be assigned to a host`)
      if (pod.spec?.nodeName) throw bindingConflict(name, `pod ${name} is already assigned to node ${JSON.stringify(pod.spec.nodeName)}`)
      if ((pod.spec?.schedulingGates ?? []).length > 0) throw bindingConflict(name, `pod ${name} has non-empty .spec.schedulingGates`)
      const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled')
      const previous = pod.status?.conditions?.find((c) => c.type === 'PodScheduled')
      const scheduled = { type: 'PodScheduled', status: 'True', lastTransitionTime: previous?.status === 'True' ? previous.lastTransitionTime : now }
      const annotations = binding.metadata?.annotations
      const next: Pod = {
        ...pod,
        metadata: annotations ? { ...pod.metadata, annotations: { ...pod.metadata?.annotations, ...annotations } } : pod.metadata,
        spec: { ...pod.spec!, nodeName: target.name },
        status: { ...pod.status, conditions: [...conditions, scheduled] },
      }
      return { type: 'write', obj: next }
    },
    reg.cached(ns, name),
  )
}
