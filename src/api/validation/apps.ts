// Deployment and ReplicaSet validation: a required, non-empty selector that matches the pod
// template's labels, non-negative replicas, a valid pod template whose restartPolicy is Always,
// a supported strategy, and a selector that never changes after create.
// Mirrors ValidateDeploymentSpec / ValidateDeploymentStrategy / ValidateRollingUpdateDeployment /
// ValidateReplicaSetSpec / ValidatePodTemplateSpecForReplicaSet / ValidateDeploymentUpdate /
// ValidateReplicaSetUpdate in pkg/apis/apps/validation/validation.go.
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1'
import type { PodTemplateSpec } from 'kubernetes-types/core/v1'
import type { LabelSelector } from 'kubernetes-types/meta/v1'
import { invalid, notSupported, required, validateImmutableField, type FieldErrorList } from '../errors/field-errors.ts'
import { labelSelectorAsSelector, matches } from '../selectors/index.ts'
import { nameIsDNSSubdomain } from './names.ts'
import { validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts'
import { validatePodSpec } from './pod.ts'

function validateSelectorAndTemplate(selector: LabelSelector | undefined, template: PodTemplateSpec | undefined, path: string): FieldErrorList {
  const errs: FieldErrorList = []
  if (selector === undefined) errs.push(required(`${path}.selector`))
  else {
    const converted = labelSelectorAsSelector(selector)
    if (!converted.ok) errs.push(invalid(`${path}.selector`, selector, converted.error))
    else if (Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0) {
      errs.push(invalid(`${path}.selector`, selector, 'empty selector is invalid for deployment'))
    } else if (!matches(converted.selector, template?.metadata?.labels ?? {})) {
      errs.push(invalid(`${path}.template.metadata.labels`, template?.metadata?.labels ?? {}, '`selector` does not match template `labels`'))
    }
  }
  if (template === undefined) return [...errs, required(`${path}.template`)]
  errs.push(...validateLabels(template.metadata?.labels, `${path}.template.metadata.labels`))
  errs.push(...validatePodSpec(template.spec, `${path}.template.spec`))
  const restart = template.spec?.restartPolicy
  if (restart !== undefined && restart !== 'Always') errs.push(notSupported(`${path}.template.spec.restartPolicy`, restart, ['Always']))
  return errs
}

function validateReplicas(replicas: number | undefined, path: string): FieldErrorList {
  return replicas !== undefined && replicas < 0 ? [invalid(path, replicas, 'must be greater than or equal to 0')] : []
}

export function validateDeployment(d: Deployment): FieldErrorList {
  const errs = validateObjectMeta(d.metadata, true, nameIsDNSSubdomain)
  const spec = d.spec
  if (spec === undefined) return [...errs, required('spec')]
  errs.push(...validateReplicas(spec.replicas, 'spec.replicas'))
  errs.push(...validateSelectorAndTemplate(spec.selector, spec.template, 'spec'))
  const type = spec.strategy?.type
  if (type !== undefined && type !== 'Recreate' && type !== 'RollingUpdate') errs.push(notSupported('spec.strategy.type', type, ['Recreate', 'RollingUpdate']))
  if (type === 'Recreate' && spec.strategy?.rollingUpdate !== undefined) {
    errs.push({ type: 'FieldValueForbidden', field: 'spec.strategy.rollingUpdate', body: "Forbidden: may not be specified when strategy `type` is 'Recreate'" })
  }
  const ru = spec.strategy?.rollingUpdate
  if (ru !== undefined && isZero(ru.maxSurge) && isZero(ru.maxUnavailable)) {
    errs.push(invalid('spec.strategy.rollingUpdate.maxUnavailable', ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0'))
  }
  if (spec.revisionHistoryLimit !== undefined && spec.revisionHistoryLimit < 0) errs.push(invalid('spec.revisionHistoryLimit', spec.revisionHistoryLimit, 'must be greater than or equal to 0'))
  if (spec.progressDeadlineSeconds !== undefined && spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
    errs.push(invalid('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'))
  }
  return errs
}

function isZero(v: number | string | undefined): boolean {
  return v === 0 || v === '0%' || v === '0'
}

export function validateDeploymentUpdate(next: Deployment, old: Deployment): FieldErrorList {
  return [
    ...validateObjectMetaUpdate(next.metadata, old.metadata),
    ...validateDeployment(next),
    ...validateImmutableField(next.spec?.selector, old.spec?.selector, 'spec.selector'),
  ]
}

export function validateReplicaSet(rs: ReplicaSet): FieldErrorList {
  const errs = validateObjectMeta(rs.metadata, true, nameIsDNSSubdomain)
  const spec = rs.spec
  if (spec === undefined) return [...errs, required('spec')]
  errs.push(...validateReplicas(spec.replicas, 'spec.replicas'))
  errs.push(...validateSelectorAndTemplate(spec.selector, spec.template, 'spec'))
  return errs
}

export function validateReplicaSetUpdate(next: ReplicaSet, old: ReplicaSet): FieldErrorList {
  return [
    ...validateObjectMetaUpdate(next.metadata, old.metadata),
    ...validateReplicaSet(next),
    ...validateImmutableField(next.spec?.selector, old.spec?.selector, 'spec.selector'),
  ]
}
