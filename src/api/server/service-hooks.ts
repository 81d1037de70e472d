// What creating and deleting a Service does besides storing it: a cluster IP (and NodePorts for
// NodePort/LoadBalancer services) allocated before the write and released if the write fails or
// the Service is deleted; single-stack IPv4 family fields filled in.
// Mirrors the beginCreate / afterDelete hooks of pkg/registry/core/service/storage/storage.go and
// the allocation transaction of pkg/registry/core/service/storage/alloc.go.
import type { Service } from 'kubernetes-types/core/v1'
import { newInvalid } from '../errors/api-errors.ts'
import { invalid } from '../errors/field-errors.ts'
import type { AnyObject } from '../registry/object.ts'
import type { RegistryHooks } from './generic-registry.ts'
import type { ServiceIpAllocator } from './service-ip-allocator.ts'

export function serviceHooks(ips: ServiceIpAllocator): RegistryHooks {
  return {
    beginCreate: (obj: AnyObject) => {
      const svc = obj as Service
      const spec = svc.spec!
      const taken: (() => void)[] = []
      if (spec.type !== 'ExternalName' && spec.clusterIP !== 'None') {
        const result = ips.allocateIP(spec.clusterIP)
        if (!result.ok) throw newInvalid({ group: '', kind: 'Service' }, svc.metadata?.name ?? '', [invalid('spec.clusterIPs', [spec.clusterIP ?? ''], `failed to allocate IP ${spec.clusterIP ?? ''}: ${result.error}`)])
        if (!spec.clusterIP) {
          spec.clusterIP = result.ip
          spec.clusterIPs = [result.ip]
        }
        taken.push(() => ips.releaseIP(result.ip))
      } else if (spec.clusterIP === 'None') {
        spec.clusterIPs = ['None']
      }
      if (spec.type !== 'ExternalName') {
        spec.ipFamilies ??= ['IPv4']
        spec.ipFamilyPolicy ??= 'SingleStack'
      }
      if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
        for (const port of spec.ports ?? []) {
          if (port.nodePort) {
            if (!ips.nodePorts.allocate(port.nodePort)) throw newInvalid({ group: '', kind: 'Service' }, svc.metadata?.name ?? '', [invalid('spec.ports[0].nodePort', port.nodePort, 'provided port is already allocated')])
          } else port.nodePort = ips.nodePorts.allocateNext()
          const allocated = port.nodePort!
          taken.push(() => ips.nodePorts.release(allocated))
        }
      }
      return (committed) => {
        if (!committed) for (const release of taken) release()
      }
    },
    afterDelete: (obj) => {
      const spec = (obj as Service).spec
      if (spec?.clusterIP) ips.releaseIP(spec.clusterIP)
      for (const p of spec?.ports ?? []) if (p.nodePort) ips.nodePorts.release(p.nodePort)
    },
  }
}
