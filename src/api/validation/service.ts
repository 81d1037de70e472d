// Service validation: a DNS-1035 name, supported type and session affinity, ports (required
// unless headless or ExternalName, names required and unique when there are several, valid
// numbers and protocols), a valid selector, a clusterIP that is an IP or "None" and, once set,
// never changes.
// Mirrors ValidateService / validateServicePort / ValidateServiceUpdate in
// pkg/apis/core/validation/validation.go (IPv4 single-stack subset).
import type { Service } from 'kubernetes-types/core/v1'
import { child, duplicate, index, invalid, notSupported, required, type FieldErrorList } from '../errors/field-errors.ts'
import { isValidIP, isValidPortName, isValidPortNum, nameIsDNS1035Label } from './names.ts'
import { validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts'

const serviceTypes = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']
const affinities = ['ClientIP', 'None']
const protocols = ['SCTP', 'TCP', 'UDP']

export function validateService(svc: Service): FieldErrorList {
  const errs = validateObjectMeta(svc.metadata, true, nameIsDNS1035Label)
  const spec = svc.spec
  if (spec === undefined) return [...errs, required('spec')]
  const type = spec.type ?? 'ClusterIP'
  if (!serviceTypes.includes(type)) errs.push(notSupported('spec.type', type, serviceTypes))
  if (type === 'ExternalName') {
    if (!spec.externalName) errs.push(required('spec.externalName'))
  } else if (spec.clusterIP !== 'None' && (spec.ports ?? []).length === 0) {
    errs.push(required('spec.ports'))
  }
  const ports = spec.ports ?? []
  const names = new Set<string>()
  ports.forEach((port, i) => {
    const p = index('spec.ports', i)
    if (ports.length > 1 && !port.name) errs.push(required(child(p, 'name')))
    if (port.name) {
      for (const msg of isValidPortName(port.name)) errs.push(invalid(child(p, 'name'), port.name, msg))
      if (names.has(port.name)) errs.push(duplicate(child(p, 'name'), port.name))
      names.add(port.name)
    }
    for (const msg of isValidPortNum(port.port)) errs.push(invalid(child(p, 'port'), port.port, msg))
    if (!port.protocol) errs.push(required(child(p, 'protocol')))
    else if (!protocols.includes(port.protocol)) errs.push(notSupported(child(p, 'protocol'), port.protocol, protocols))
    const target = port.targetPort
    if (typeof target === 'number' && target !== 0) for (const msg of isValidPortNum(target)) errs.push(invalid(child(p, 'targetPort'), target, msg))
    if (typeof target === 'string') for (const msg of isValidPortName(target)) errs.push(invalid(child(p, 'targetPort'), target, msg))
    if (port.nodePort !== undefined && port.nodePort !== 0) {
      if (type === 'ClusterIP') errs.push(invalid(child(p, 'nodePort'), port.nodePort, 'may not be used when `type` is \'ClusterIP\''))
      else for (const msg of isValidPortNum(port.nodePort)) errs.push(invalid(child(p, 'nodePort'), port.nodePort, msg))
    }
  })
  errs.push(...validateLabels(spec.selector, 'spec.selector'))
  if (spec.sessionAffinity !== undefined && !affinities.includes(spec.sessionAffinity)) errs.push(notSupported('spec.sessionAffinity', spec.sessionAffinity, affinities))
  if (spec.clusterIP !== undefined && spec.clusterIP !== '' && spec.clusterIP !== 'None') {
    for (const msg of isValidIP(spec.clusterIP)) errs.push(invalid('spec.clusterIPs[0]', spec.clusterIP, msg))
  }
  return errs
}

export function validateServiceUpdate(next: Service, old: Service): FieldErrorList {
  const errs = [...validateObjectMetaUpdate(next.metadata, old.metadata), ...validateService(next)]
  const oldIP = old.spec?.clusterIP ?? ''
  if (oldIP !== '' && next.spec?.type !== 'ExternalName' && next.spec?.clusterIP !== oldIP) {
    errs.push(invalid('spec.clusterIPs[0]', next.spec?.clusterIP ?? '', 'may not change once set'))
  }
  return errs
}
