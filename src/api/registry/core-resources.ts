// The core/v1 kinds the engine serves and their strategies: Pod, Node, Service, Namespace,
// ConfigMap, Secret, PersistentVolume, PersistentVolumeClaim, Event.
// Mirrors pkg/registry/core/{pod,node,service,namespace,configmap,secret,persistentvolume,
// persistentvolumeclaim,event}/strategy.go (PrepareForCreate, PrepareForUpdate, status
// strategies, AllowCreateOnUpdate, and the pod's CheckGracefulDelete).
import type {
  ConfigMap,
  Container,
  Event,
  Namespace,
  Node,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  Secret,
  Service,
} from 'kubernetes-types/core/v1'
import {
  defaultConfigMap,
  defaultNamespace,
  defaultNode,
  defaultPersistentVolume,
  defaultPersistentVolumeClaim,
  defaultPod,
  defaultSecret,
  defaultService,
} from '../defaults/core.ts'
import { validateConfigMap, validateConfigMapUpdate, validateSecret, validateSecretUpdate } from '../validation/config.ts'
import {
  validateEvent,
  validateNamespace,
  validatePersistentVolume,
  validatePersistentVolumeClaim,
  validatePersistentVolumeClaimUpdate,
} from '../validation/cluster.ts'
import { validateNode, validateNodeUpdate } from '../validation/node.ts'
import { validatePod, validatePodUpdate } from '../validation/pod.ts'
import { validateService, validateServiceUpdate } from '../validation/service.ts'
import { validateObjectMetaUpdate } from '../validation/object-meta.ts'
import { resourceInfo } from './resource-info.ts'
import { keepSpec, keepStatus, strategy, type StatusStrategy } from './strategy.ts'
import type { AnyObject } from './object.ts'

type Loose<T> = T & AnyObject

/** A status strategy that keeps spec (and owner references) and validates only metadata. */
function statusKeepingSpec<T extends AnyObject>(extra?: (next: T, old: T) => void): StatusStrategy<T> {
  return {
    prepareForUpdate: (next, old) => {
      keepSpec(next, old)
      extra?.(next, old)
    },
    validateUpdate: (next, old) => validateObjectMetaUpdate(next.metadata, old.metadata),
  }
}

/** The pod's QoS class (pkg/apis/core/helper/qos.GetPodQOS, for cpu and memory). */
export function podQosClass(pod: Pod): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const containers: Container[] = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]
  let any = false
  let guaranteed = true
  for (const c of containers) {
    const requests = c.resources?.requests ?? {}
    const limits = c.resources?.limits ?? {}
    for (const r of ['cpu', 'memory']) {
      if (requests[r] !== undefined || limits[r] !== undefined) any = true
      if (limits[r] === undefined || (requests[r] !== undefined && String(requests[r]) !== String(limits[r]))) guaranteed = false
    }
  }
  if (!any) return 'BestEffort'
  return guaranteed ? 'Guaranteed' : 'Burstable'
}

export const pods = resourceInfo<Loose<Pod>>({
  kind: 'Pod',
  plural: 'pods',
  namespaced: true,
  strategy: strategy<Loose<Pod>>({
    default: defaultPod,
    prepareForCreate: (pod) => {
      pod.status = { phase: 'Pending', qosClass: podQosClass(pod) }
    },
    prepareForUpdate: keepStatus,
    validate: validatePod,
    validateUpdate: validatePodUpdate,
    tracksGeneration: true,
    status: statusKeepingSpec(),
    gracePeriodSeconds: (pod, requested) => {
      let period = requested ?? pod.spec?.terminationGracePeriodSeconds ?? 0
      if (!pod.spec?.nodeName) period = 0
      if (pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded') period = 0
      return period < 0 ? 1 : period
    },
  }),
})

export const nodes = resourceInfo<Loose<Node>>({
  kind: 'Node',
  plural: 'nodes',
  namespaced: false,
  etcdPrefix: 'minions',
  strategy: strategy<Loose<Node>>({
    default: defaultNode,
    prepareForUpdate: keepStatus,
    validate: validateNode,
    validateUpdate: validateNodeUpdate,
    status: statusKeepingSpec(),
  }),
})

export const services = resourceInfo<Loose<Service>>({
  kind: 'Service',
  plural: 'services',
  namespaced: true,
  etcdPrefix: 'services/specs',
  strategy: strategy<Loose<Service>>({
    default: defaultService,
    prepareForCreate: (svc) => {
      svc.status = { loadBalancer: {} }
    },
    prepareForUpdate: keepStatus,
    validate: validateService,
    validateUpdate: validateServiceUpdate,
    status: statusKeepingSpec(),
  }),
})

export const namespaces = resourceInfo<Loose<Namespace>>({
  kind: 'Namespace',
  plural: 'namespaces',
  namespaced: false,
  strategy: strategy<Loose<Namespace>>({
    default: defaultNamespace,
    prepareForCreate: (ns) => {
      ns.status = { phase: 'Active' }
      const finalizers = ns.spec?.finalizers ?? []
      ns.spec = { ...ns.spec, finalizers: finalizers.includes('kubernetes') ? finalizers : [...finalizers, 'kubernetes'] }
    },
    prepareForUpdate: (next, old) => {
      keepStatus(next, old)
      next.spec = { ...next.spec, finalizers: old.spec?.finalizers }
      if (old.spec?.finalizers === undefined) delete next.spec.finalizers
    },
    validate: validateNamespace,
    validateUpdate: (next, old) => [...validateObjectMetaUpdate(next.metadata, old.metadata), ...validateNamespace(next)],
    status: statusKeepingSpec(),
    finalize: {
      prepareForUpdate: (next, old) => {
        const finalizers = next.spec?.finalizers
        Object.assign(next, { ...old, spec: { ...old.spec, finalizers } })
        if (finalizers === undefined) delete next.spec!.finalizers
      },
      validateUpdate: (next, old) => [...validateObjectMetaUpdate(next.metadata, old.metadata), ...validateNamespace(next)],
    },
    pendingFinalization: (ns) => (ns.spec?.finalizers ?? []).length > 0,
    prepareForPendingDelete: (ns) => {
      ns.status = { ...ns.status, phase: 'Terminating' }
    },
  }),
})

export const configMaps = resourceInfo<Loose<ConfigMap>>({
  kind: 'ConfigMap',
  plural: 'configmaps',
  namespaced: true,
  strategy: strategy<Loose<ConfigMap>>({ default: defaultConfigMap, validate: validateConfigMap, validateUpdate: validateConfigMapUpdate }),
})

export const secrets = resourceInfo<Loose<Secret>>({
  kind: 'Secret',
  plural: 'secrets',
  namespaced: true,
  strategy: strategy<Loose<Secret>>({ default: defaultSecret, validate: validateSecret, validateUpdate: validateSecretUpdate }),
})

export const persistentVolumes = resourceInfo<Loose<PersistentVolume>>({
  kind: 'PersistentVolume',
  plural: 'persistentvolumes',
  namespaced: false,
  strategy: strategy<Loose<PersistentVolume>>({
    default: defaultPersistentVolume,
    prepareForCreate: (pv) => {
      pv.status = { phase: 'Pending' }
    },
    prepareForUpdate: keepStatus,
    validate: validatePersistentVolume,
    validateUpdate: (next, old) => [...validateObjectMetaUpdate(next.metadata, old.metadata), ...validatePersistentVolume(next)],
    status: statusKeepingSpec(),
  }),
})

export const persistentVolumeClaims = resourceInfo<Loose<PersistentVolumeClaim>>({
  kind: 'PersistentVolumeClaim',
  plural: 'persistentvolumeclaims',
  namespaced: true,
  strategy: strategy<Loose<PersistentVolumeClaim>>({
    default: defaultPersistentVolumeClaim,
    prepareForCreate: (pvc) => {
      pvc.status = { phase: 'Pending' }
    },
    prepareForUpdate: keepStatus,
    validate: validatePersistentVolumeClaim,
    validateUpdate: validatePersistentVolumeClaimUpdate,
    status: statusKeepingSpec(),
  }),
})

export const events = resourceInfo<Loose<Event>>({
  kind: 'Event',
  plural: 'events',
  namespaced: true,
  // Served from storage, never the watch cache (pkg/registry/core/event/storage/storage.go).
  watchCache: false,
  strategy: strategy<Loose<Event>>({
    validate: validateEvent,
    validateUpdate: (next, old) => [...validateObjectMetaUpdate(next.metadata, old.metadata), ...validateEvent(next)],
    allowCreateOnUpdate: true,
  }),
})
