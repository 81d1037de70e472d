// The non-core kinds the engine serves: apps/v1 Deployment and ReplicaSet, coordination.k8s.io/v1
// Lease, discovery.k8s.io/v1 EndpointSlice.
// Mirrors pkg/registry/apps/{deployment,replicaset}/strategy.go (status reset on create,
// generation bump on spec change, status strategies that keep spec and labels),
// pkg/registry/coordination/lease/strategy.go (AllowCreateOnUpdate) and
// pkg/registry/discovery/endpointslice/strategy.go.
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1'
import type { Lease } from 'kubernetes-types/coordination/v1'
import type { EndpointSlice } from 'kubernetes-types/discovery/v1'
import { defaultDeployment, defaultReplicaSet } from '../defaults/apps.ts'
import { defaultEndpointSlice } from '../defaults/core.ts'
import { validateDeployment, validateDeploymentUpdate, validateReplicaSet, validateReplicaSetUpdate } from '../validation/apps.ts'
import { validateEndpointSlice, validateLease } from '../validation/cluster.ts'
import { validateObjectMetaUpdate } from '../validation/object-meta.ts'
import type { AnyObject } from './object.ts'
import { resourceInfo } from './resource-info.ts'
import { keepSpec, keepStatus, strategy, type StatusStrategy } from './strategy.ts'

type Loose<T> = T & AnyObject

/** apps status updates keep spec and labels (deploymentStatusStrategy.PrepareForUpdate). */
function appsStatus<T extends AnyObject>(): StatusStrategy<T> {
  return {
    prepareForUpdate: (next, old) => {
      keepSpec(next, old)
      if (next.metadata) {
        if (old.metadata?.labels === undefined) delete next.metadata.labels
        else next.metadata.labels = old.metadata.labels
      }
    },
    validateUpdate: (next, old) => validateObjectMetaUpdate(next.metadata, old.metadata),
  }
}

export const deployments = resourceInfo<Loose<Deployment>>({
  kind: 'Deployment',
  group: 'apps',
  plural: 'deployments',
  namespaced: true,
  strategy: strategy<Loose<Deployment>>({
    default: defaultDeployment,
    prepareForCreate: (d) => {
      d.status = {}
    },
    prepareForUpdate: keepStatus,
    validate: validateDeployment,
    validateUpdate: validateDeploymentUpdate,
    tracksGeneration: true,
    status: appsStatus(),
  }),
})

export const replicaSets = resourceInfo<Loose<ReplicaSet>>({
  kind: 'ReplicaSet',
  group: 'apps',
  plural: 'replicasets',
  namespaced: true,
  strategy: strategy<Loose<ReplicaSet>>({
    default: defaultReplicaSet,
    prepareForCreate: (rs) => {
      rs.status = { replicas: 0 }
    },
    prepareForUpdate: keepStatus,
    validate: validateReplicaSet,
    validateUpdate: validateReplicaSetUpdate,
    tracksGeneration: true,
    status: appsStatus(),
  }),
})

export const leases = resourceInfo<Loose<Lease>>({
  kind: 'Lease',
  group: 'coordination.k8s.io',
  plural: 'leases',
  namespaced: true,
  strategy: strategy<Loose<Lease>>({
    validate: validateLease,
    validateUpdate: (next, old) => [...validateObjectMetaUpdate(next.metadata, old.metadata), ...validateLease(next)],
    allowCreateOnUpdate: true,
  }),
})

export const endpointSlices = resourceInfo<Loose<EndpointSlice>>({
  kind: 'EndpointSlice',
  group: 'discovery.k8s.io',
  plural: 'endpointslices',
  namespaced: true,
  strategy: strategy<Loose<EndpointSlice>>({
    default: defaultEndpointSlice,
    validate: validateEndpointSlice,
    validateUpdate: (next, old) => [...validateObjectMetaUpdate(next.metadata, old.metadata), ...validateEndpointSlice(next)],
  }),
})
