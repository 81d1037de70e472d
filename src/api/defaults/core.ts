// Defaulting of core/v1 objects, applied to every object the API server receives before anything
// else looks at it: the fields a user may omit get the values Kubernetes fills in. Each function
// mutates the (private, freshly decoded) object it is given.
// Mirrors pkg/apis/core/v1/defaults.go (SetDefaults_Pod, SetDefaults_PodSpec, SetDefaults_Container,
// SetDefaults_ContainerPort, SetDefaults_Volume, SetDefaults_Probe, SetDefaults_HTTPGetAction,
// SetDefaults_Service, SetDefaults_Namespace, SetDefaults_NamespaceStatus, SetDefaults_NodeStatus,
// SetDefaults_PersistentVolume, SetDefaults_PersistentVolumeClaimSpec, SetDefaults_Secret).
import type {
  ConfigMap,
  Container,
  Namespace,
  Node,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  PodSpec,
  Probe,
  Secret,
  Service,
  Volume,
} from 'kubernetes-types/core/v1'
import type { EndpointSlice } from 'kubernetes-types/discovery/v1'

/** What ParseImageName reports as the tag: "latest" when the reference has neither tag nor digest. */
export function imageTag(image: string): string {
  const at = image.indexOf('@')
  const withoutDigest = at >= 0 ? image.slice(0, at) : image
  const lastSlash = withoutDigest.lastIndexOf('/')
  const colon = withoutDigest.indexOf(':', lastSlash + 1)
  if (colon >= 0) return withoutDigest.slice(colon + 1)
  return at >= 0 ? '' : 'latest'
}

export function defaultContainer(c: Container): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = imageTag(c.image ?? '') === 'latest' ? 'Always' : 'IfNotPresent'
  if (!c.terminationMessagePath) c.terminationMessagePath = '/dev/termination-log'
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = 'File'
  for (const port of c.ports ?? []) if (!port.protocol) port.protocol = 'TCP'
  for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) if (probe) defaultProbe(probe)
  for (const env of c.env ?? []) {
    const ref = env.valueFrom?.fieldRef
    if (ref && !ref.apiVersion) ref.apiVersion = 'v1'
  }
}

function defaultProbe(p: Probe): void {
  p.timeoutSeconds ??= 1
  p.periodSeconds ??= 10
  p.successThreshold ??= 1
  p.failureThreshold ??= 3
  if (p.httpGet) {
    p.httpGet.path ||= '/'
    p.httpGet.scheme ||= 'HTTP'
  }
}

function defaultVolume(v: Volume): void {
  const sources = Object.keys(v).filter((k) => k !== 'name' && (v as unknown as Record<string, unknown>)[k] !== undefined)
  if (sources.length === 0) v.emptyDir = {}
  if (v.secret) v.secret.defaultMode ??= 0o644
  if (v.configMap) v.configMap.defaultMode ??= 0o644
}

/** SetDefaults_PodSpec: applies to pods and to pod templates alike. */
export function defaultPodSpec(spec: PodSpec): void {
  if (!spec.dnsPolicy) spec.dnsPolicy = 'ClusterFirst'
  if (!spec.restartPolicy) spec.restartPolicy = 'Always'
  spec.securityContext ??= {}
  spec.terminationGracePeriodSeconds ??= 30
  if (!spec.schedulerName) spec.schedulerName = 'default-scheduler'
  for (const c of spec.initContainers ?? []) defaultContainer(c)
  for (const c of spec.containers ?? []) defaultContainer(c)
  for (const v of spec.volumes ?? []) defaultVolume(v)
  if (spec.hostNetwork) {
    for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) for (const p of c.ports ?? []) p.hostPort ||= p.containerPort
  }
}

export function defaultPod(pod: Pod): void {
  pod.spec ??= { containers: [] }
  defaultPodSpec(pod.spec)
  pod.spec.enableServiceLinks ??= true
  // Requests default to limits when only limits are given (SetDefaults_Pod).
  for (const c of [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])]) {
    if (c.resources?.limits) {
      const requests = (c.resources.requests ??= {})
      for (const [name, quantity] of Object.entries(c.resources.limits)) if (requests[name] === undefined) requests[name] = quantity
    }
  }
}

export function defaultService(svc: Service): void {
  const spec = (svc.spec ??= {})
  if (!spec.sessionAffinity) spec.sessionAffinity = 'None'
  if (spec.sessionAffinity === 'ClientIP') spec.sessionAffinityConfig ??= { clientIP: { timeoutSeconds: 10800 } }
  if (!spec.type) spec.type = 'ClusterIP'
  for (const p of spec.ports ?? []) {
    if (!p.protocol) p.protocol = 'TCP'
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port
  }
  if ((spec.type === 'NodePort' || spec.type === 'LoadBalancer') && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster'
  if (spec.type !== 'ExternalName' && !spec.internalTrafficPolicy) spec.internalTrafficPolicy = 'Cluster'
}

export function defaultNamespace(ns: Namespace): void {
  const name = ns.metadata?.name
  if (name) {
    const meta = (ns.metadata ??= {})
    meta.labels = { ...meta.labels, 'kubernetes.io/metadata.name': name }
  }
  if (ns.status && !ns.status.phase) ns.status.phase = 'Active'
}

export function defaultNode(node: Node): void {
  if (node.status?.capacity && !node.status.allocatable) node.status.allocatable = { ...node.status.capacity }
}

export function defaultPersistentVolume(pv: PersistentVolume): void {
  const spec = (pv.spec ??= {})
  if (!spec.persistentVolumeReclaimPolicy) spec.persistentVolumeReclaimPolicy = 'Retain'
  if (!spec.volumeMode) spec.volumeMode = 'Filesystem'
}

export function defaultPersistentVolumeClaim(pvc: PersistentVolumeClaim): void {
  const spec = (pvc.spec ??= {})
  if (!spec.volumeMode) spec.volumeMode = 'Filesystem'
}

export function defaultSecret(secret: Secret): void {
  if (!secret.type) secret.type = 'Opaque'
}

export function defaultConfigMap(_cm: ConfigMap): void {}

export function defaultEndpointSlice(slice: EndpointSlice): void {
  for (const p of slice.ports ?? []) {
    p.name ??= ''
    p.protocol ??= 'TCP'
  }
}
