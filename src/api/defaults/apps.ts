// Defaulting of apps/v1 objects: a Deployment gets 1 replica, a RollingUpdate strategy with 25%
// maxUnavailable and maxSurge, 10 kept revisions and a 600 s progress deadline; a ReplicaSet gets
// 1 replica; both templates get the pod spec defaults.
// Mirrors SetDefaults_Deployment and SetDefaults_ReplicaSet in pkg/apis/apps/v1/defaults.go (plus
// the generated defaulters that apply SetDefaults_PodSpec inside templates).
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1'
import { defaultPodSpec } from './core.ts'

export function defaultDeployment(d: Deployment): void {
  const spec = (d.spec ??= { selector: {}, template: {} })
  spec.replicas ??= 1
  const strategy = (spec.strategy ??= {})
  if (!strategy.type) strategy.type = 'RollingUpdate'
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {})
    ru.maxUnavailable ??= '25%'
    ru.maxSurge ??= '25%'
  }
  spec.revisionHistoryLimit ??= 10
  spec.progressDeadlineSeconds ??= 600
  if (spec.template?.spec) defaultPodSpec(spec.template.spec)
}

export function defaultReplicaSet(rs: ReplicaSet): void {
  const spec = (rs.spec ??= { selector: {} })
  spec.replicas ??= 1
  if (spec.template?.spec) defaultPodSpec(spec.template.spec)
}
