// Pod validation: the spec a pod must have (containers with name and image, supported policies,
// valid ports, env names, volumes and the mounts that refer to them, tolerations), and the
// rule that a pod's spec is immutable except for a few fields.
// Mirrors ValidatePodCreate / ValidatePodSpec / validateContainers / validateContainerPorts /
// validateEnv / ValidateVolumes / validateVolumeMounts / ValidateTolerations / ValidatePodUpdate in
// pkg/apis/core/validation/validation.go (a faithful subset: resource quantities, probes,
// security contexts and volume sources beyond their names are not checked).
import type { Container, Pod, PodSpec, Toleration } from 'kubernetes-types/core/v1'
import {
  child,
  deepEqualJson,
  duplicate,
  forbidden,
  index,
  invalid,
  notSupported,
  required,
  type FieldErrorList,
} from '../errors/field-errors.ts'
import { isDNS1123Label, isEnvVarName, isQualifiedName, isValidPortName, isValidPortNum, nameIsDNSSubdomain } from './names.ts'
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts'

const restartPolicies = ['Always', 'OnFailure', 'Never']
const dnsPolicies = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']
const pullPolicies = ['Always', 'IfNotPresent', 'Never']
const protocols = ['SCTP', 'TCP', 'UDP']
const terminationMessagePolicies = ['File', 'FallbackToLogsOnError']
const taintEffects = ['NoExecute', 'NoSchedule', 'PreferNoSchedule']

export function validatePod(pod: Pod): FieldErrorList {
  return [...validateObjectMeta(pod.metadata, true, nameIsDNSSubdomain), ...validatePodSpec(pod.spec, 'spec')]
}

export function validatePodSpec(spec: PodSpec | undefined, path: string): FieldErrorList {
  const errs: FieldErrorList = []
  if (spec === undefined) return [required(path)]
  const volumeNames = new Set<string>()
  ;(spec.volumes ?? []).forEach((v, i) => {
    const p = child(index(child(path, 'volumes'), i), 'name')
    if (!v.name) errs.push(required(p))
    else {
      for (const msg of isDNS1123Label(v.name)) errs.push(invalid(p, v.name, msg))
      if (volumeNames.has(v.name)) errs.push(duplicate(p, v.name))
      volumeNames.add(v.name)
    }
  })
  const names = new Set<string>()
  if (!spec.containers || spec.containers.length === 0) errs.push(required(child(path, 'containers')))
  ;(spec.initContainers ?? []).forEach((c, i) => errs.push(...validateContainer(c, index(child(path, 'initContainers'), i), names, volumeNames)))
  ;(spec.containers ?? []).forEach((c, i) => errs.push(...validateContainer(c, index(child(path, 'containers'), i), names, volumeNames)))
  if (!spec.restartPolicy) errs.push(required(child(path, 'restartPolicy')))
  else if (!restartPolicies.includes(spec.restartPolicy)) errs.push(notSupported(child(path, 'restartPolicy'), spec.restartPolicy, restartPolicies))
  if (!spec.dnsPolicy) errs.push(required(child(path, 'dnsPolicy')))
  else if (!dnsPolicies.includes(spec.dnsPolicy)) errs.push(notSupported(child(path, 'dnsPolicy'), spec.dnsPolicy, dnsPolicies))
  if (spec.terminationGracePeriodSeconds !== undefined && spec.terminationGracePeriodSeconds < 0) {
    errs.push(invalid(child(path, 'terminationGracePeriodSeconds'), spec.terminationGracePeriodSeconds, 'must be greater than or equal to 0'))
  }
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds <= 0) {
    errs.push(invalid(child(path, 'activeDeadlineSeconds'), spec.activeDeadlineSeconds, 'must be between 1 and 2147483647, inclusive'))
  }
  for (const [k, v] of Object.entries(spec.nodeSelector ?? {})) {
    for (const msg of isQualifiedName(k)) errs.push(invalid(child(path, 'nodeSelector'), k, msg))
    void v
  }
  errs.push(...validateTolerations(spec.tolerations, child(path, 'tolerations')))
  return errs
}

function validateContainer(c: Container, path: string, names: Set<string>, volumeNames: Set<string>): FieldErrorList {
  const errs: FieldErrorList = []
  const namePath = child(path, 'name')
  if (!c.name) errs.push(required(namePath))
  else {
    for (const msg of isDNS1123Label(c.name)) errs.push(invalid(namePath, c.name, msg))
    if (names.has(c.name)) errs.push(duplicate(namePath, c.name))
    names.add(c.name)
  }
  if (!c.image || c.image.trim() === '') errs.push(required(child(path, 'image')))
  if (c.imagePullPolicy === undefined) errs.push(required(child(path, 'imagePullPolicy')))
  else if (!pullPolicies.includes(c.imagePullPolicy)) errs.push(notSupported(child(path, 'imagePullPolicy'), c.imagePullPolicy, pullPolicies))
  if (c.terminationMessagePolicy !== undefined && !terminationMessagePolicies.includes(c.terminationMessagePolicy)) {
    errs.push(notSupported(child(path, 'terminationMessagePolicy'), c.terminationMessagePolicy, terminationMessagePolicies))
  }
  const portNames = new Set<string>()
  ;(c.ports ?? []).forEach((port, i) => {
    const p = index(child(path, 'ports'), i)
    if (port.name) {
      for (const msg of isValidPortName(port.name)) errs.push(invalid(child(p, 'name'), port.name, msg))
      if (portNames.has(port.name)) errs.push(duplicate(child(p, 'name'), port.name))
      portNames.add(port.name)
    }
    if (port.containerPort === undefined || port.containerPort === 0) errs.push(required(child(p, 'containerPort')))
    else for (const msg of isValidPortNum(port.containerPort)) errs.push(invalid(child(p, 'containerPort'), port.containerPort, msg))
    if (port.hostPort !== undefined && port.hostPort !== 0) for (const msg of isValidPortNum(port.hostPort)) errs.push(invalid(child(p, 'hostPort'), port.hostPort, msg))
    if (!port.protocol) errs.push(required(child(p, 'protocol')))
    else if (!protocols.includes(port.protocol)) errs.push(notSupported(child(p, 'protocol'), port.protocol, protocols))
  })
  ;(c.env ?? []).forEach((env, i) => {
    const p = child(index(child(path, 'env'), i), 'name')
    if (!env.name) errs.push(required(p))
    else for (const msg of isEnvVarName(env.name)) errs.push(invalid(p, env.name, msg))
  })
  ;(c.volumeMounts ?? []).forEach((m, i) => {
    const p = index(child(path, 'volumeMounts'), i)
    if (!m.name) errs.push(required(child(p, 'name')))
    else if (!volumeNames.has(m.name)) errs.push({ type: 'FieldValueNotFound', field: child(p, 'name'), body: `Not found: ${JSON.stringify(m.name)}` })
    if (!m.mountPath) errs.push(required(child(p, 'mountPath')))
  })
  return errs
}

export function validateTolerations(tolerations: readonly Toleration[] | undefined, path: string): FieldErrorList {
  const errs: FieldErrorList = []
  ;(tolerations ?? []).forEach((t, i) => {
    const p = index(path, i)
    if (t.key) for (const msg of isQualifiedName(t.key)) errs.push(invalid(child(p, 'key'), t.key, msg))
    if (!t.key && t.operator !== 'Exists') errs.push(invalid(child(p, 'operator'), t.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'))
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') errs.push(invalid(child(p, 'effect'), t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"))
    if (t.operator === 'Exists' && t.value) errs.push(invalid(child(p, 'operator'), t.value, 'value must be empty when `operator` is \'Exists\''))
    else if (t.operator !== undefined && t.operator !== '' && t.operator !== 'Equal' && t.operator !== 'Exists') errs.push(notSupported(child(p, 'operator'), t.operator, ['Equal', 'Exists']))
    if (t.effect && !taintEffects.includes(t.effect)) errs.push(notSupported(child(p, 'effect'), t.effect, taintEffects))
  })
  return errs
}

/** The text of ValidatePodUpdate's Forbidden error (without the spec diff the real server appends). */
export const podSpecUpdateForbiddenMsg =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)'

export function validatePodUpdate(next: Pod, old: Pod): FieldErrorList {
  const errs: FieldErrorList = [...validateObjectMetaUpdate(next.metadata, old.metadata), ...validatePodSpec(next.spec, 'spec')]
  if (errs.length > 0) return errs
  const newSpec = next.spec!
  const oldSpec = old.spec!
  // Tolerations may only be added to.
  const oldTolerations = oldSpec.tolerations ?? []
  for (const t of oldTolerations) {
    if (!(newSpec.tolerations ?? []).some((n) => deepEqualJson(n, t) || (sameToleration(n, t) && t.tolerationSeconds !== undefined && n.tolerationSeconds !== undefined && n.tolerationSeconds <= t.tolerationSeconds))) {
      errs.push(forbidden(child('spec', 'tolerations'), 'existing toleration can not be modified except its tolerationSeconds'))
      break
    }
  }
  // Mask the mutable fields with the old values; anything else that differs is forbidden.
  const masked: PodSpec = {
    ...newSpec,
    containers: (newSpec.containers ?? []).map((c, i) => ({ ...c, image: oldSpec.containers?.[i]?.image })),
    initContainers: newSpec.initContainers?.map((c, i) => ({ ...c, image: oldSpec.initContainers?.[i]?.image })),
    activeDeadlineSeconds: oldSpec.activeDeadlineSeconds,
    tolerations: oldSpec.tolerations,
    terminationGracePeriodSeconds: oldSpec.terminationGracePeriodSeconds,
    schedulingGates: oldSpec.schedulingGates,
  }
  if (newSpec.activeDeadlineSeconds === undefined && oldSpec.activeDeadlineSeconds !== undefined) {
    errs.push(invalid(child('spec', 'activeDeadlineSeconds'), null, 'must not update from a positive integer to nil value'))
  }
  const oldComparable: PodSpec = { ...oldSpec, initContainers: oldSpec.initContainers }
  if (!deepEqualJson(masked, oldComparable)) errs.push(forbidden('spec', podSpecUpdateForbiddenMsg))
  return errs
}

function sameToleration(a: Toleration, b: Toleration): boolean {
  return a.key === b.key && a.operator === b.operator && a.value === b.value && a.effect === b.effect
}
