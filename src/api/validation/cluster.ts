// Validation of the remaining kinds the engine serves: Namespace (a DNS-1123 label, qualified
// finalizer names), PersistentVolume (capacity, access modes, exactly one source, a supported
// reclaim policy), PersistentVolumeClaim (access modes, a storage request; spec immutable after
// create except the requested size), Lease (positive durations), Event (the object it is about)
// and EndpointSlice (a supported address type, valid addresses and ports).
// Mirrors ValidateNamespace, ValidatePersistentVolume, ValidatePersistentVolumeClaim(Update) and
// ValidateEvent in pkg/apis/core/validation/, ValidateLease in pkg/apis/coordination/validation/,
// and ValidateEndpointSlice in pkg/apis/discovery/validation/ (subsets).
import type { Event, Namespace, PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1'
import type { Lease } from 'kubernetes-types/coordination/v1'
import type { EndpointSlice } from 'kubernetes-types/discovery/v1'
import { forbidden, index, invalid, notSupported, required, type FieldErrorList } from '../errors/field-errors.ts'
import { isQualifiedName, isValidIP, isValidPortNum, nameIsDNSLabel, nameIsDNSSubdomain } from './names.ts'
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts'

const accessModes = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod']
const reclaimPolicies = ['Delete', 'Recycle', 'Retain']

export function validateNamespace(ns: Namespace): FieldErrorList {
  const errs = validateObjectMeta(ns.metadata, false, nameIsDNSLabel)
  ;(ns.spec?.finalizers ?? []).forEach((f, i) => {
    for (const msg of isQualifiedName(f)) errs.push(invalid(index('spec.finalizers', i), f, msg))
  })
  return errs
}

function validateAccessModes(modes: readonly string[] | undefined, path: string): FieldErrorList {
  if (!modes || modes.length === 0) return [required(path, 'at least 1 access mode is required')]
  return modes.filter((m) => !accessModes.includes(m)).map((m) => notSupported(path, m, accessModes))
}

export function validatePersistentVolume(pv: PersistentVolume): FieldErrorList {
  const errs = validateObjectMeta(pv.metadata, false, nameIsDNSSubdomain)
  const spec = pv.spec ?? {}
  errs.push(...validateAccessModes(spec.accessModes, 'spec.accessModes'))
  if (spec.capacity?.storage === undefined) errs.push(required('spec.capacity', 'must specify storage'))
  const sources = ['hostPath', 'nfs', 'local', 'csi', 'gcePersistentDisk', 'awsElasticBlockStore', 'iscsi', 'fc', 'cephfs', 'rbd', 'azureDisk', 'azureFile']
  const given = sources.filter((s) => (spec as Record<string, unknown>)[s] !== undefined)
  if (given.length === 0) errs.push(required('spec', 'must specify a volume type'))
  if (given.length > 1) errs.push(forbidden(`spec.${given[1]}`, 'may not specify more than 1 volume type'))
  const policy = spec.persistentVolumeReclaimPolicy
  if (policy !== undefined && !reclaimPolicies.includes(policy)) errs.push(notSupported('spec.persistentVolumeReclaimPolicy', policy, reclaimPolicies))
  return errs
}

export function validatePersistentVolumeClaim(pvc: PersistentVolumeClaim): FieldErrorList {
  const errs = validateObjectMeta(pvc.metadata, true, nameIsDNSSubdomain)
  const spec = pvc.spec ?? {}
  errs.push(...validateAccessModes(spec.accessModes, 'spec.accessModes'))
  if (spec.resources?.requests?.storage === undefined) errs.push(required('spec.resources[storage]'))
  const mode = spec.volumeMode
  if (mode !== undefined && mode !== 'Block' && mode !== 'Filesystem') errs.push(notSupported('spec.volumeMode', mode, ['Block', 'Filesystem']))
  return errs
}

export function validatePersistentVolumeClaimUpdate(next: PersistentVolumeClaim, old: PersistentVolumeClaim): FieldErrorList {
  const errs = [...validateObjectMetaUpdate(next.metadata, old.metadata), ...validatePersistentVolumeClaim(next)]
  const mask = (p: PersistentVolumeClaim) => JSON.stringify({ ...p.spec, resources: undefined, volumeName: old.spec?.volumeName ? p.spec?.volumeName : undefined })
  if (mask(next) !== mask(old)) errs.push(forbidden('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims'))
  return errs
}

export function validateLease(lease: Lease): FieldErrorList {
  const errs = validateObjectMeta(lease.metadata, true, nameIsDNSSubdomain)
  const d = lease.spec?.leaseDurationSeconds
  if (d !== undefined && d <= 0) errs.push(invalid('spec.leaseDurationSeconds', d, 'must be greater than 0'))
  const t = lease.spec?.leaseTransitions
  if (t !== undefined && t < 0) errs.push(invalid('spec.leaseTransitions', t, 'must be greater than or equal to 0'))
  return errs
}

export function validateEvent(event: Event): FieldErrorList {
  const errs = validateObjectMeta(event.metadata, true, nameIsDNSSubdomain)
  const involvedNs = event.involvedObject?.namespace
  if (involvedNs && involvedNs !== event.metadata?.namespace) errs.push(invalid('involvedObject.namespace', involvedNs, 'does not match event.namespace'))
  return errs
}

const addressTypes = ['FQDN', 'IPv4', 'IPv6']

export function validateEndpointSlice(slice: EndpointSlice): FieldErrorList {
  const errs = validateObjectMeta(slice.metadata, true, nameIsDNSSubdomain)
  if (!slice.addressType) errs.push(required('addressType'))
  else if (!addressTypes.includes(slice.addressType)) errs.push(notSupported('addressType', slice.addressType, addressTypes))
  ;(slice.endpoints ?? []).forEach((ep, i) => {
    const p = index('endpoints', i)
    if (!ep.addresses || ep.addresses.length === 0) errs.push(required(`${p}.addresses`, 'must contain at least 1 address'))
    if (slice.addressType === 'IPv4') ep.addresses?.forEach((a, j) => isValidIP(a).forEach((msg) => errs.push(invalid(index(`${p}.addresses`, j), a, msg))))
  })
  ;(slice.ports ?? []).forEach((port, i) => {
    if (port.port !== undefined) for (const msg of isValidPortNum(port.port)) errs.push(invalid(`${index('ports', i)}.port`, port.port, msg))
  })
  return errs
}
