// A KeyValueStore over a real etcd v3 server, through the etcd3 client's generated gRPC clients.
// Each store owns a key prefix (etcd-key-prefix.ts), so many stores can share one server;
// revisions, compaction and lease timing are the server's. Mirrors what etcd's client/v3 offers
// (kv.go, watch.go, lease.go) and what Kubernetes' storage layer uses of it
// (staging/src/k8s.io/apiserver/pkg/storage/etcd3/store.go, watcher.go).
//
// Where the server's answer and the interface differ in shape, this file adapts: lease IDs are
// mapped to small numbers (etcd-lease-ids.ts), a keep-alive of a missing lease (etcd answers TTL 0)
// fails as lease-not-found, and leaseLeases lists only this store's leases.
import { Etcd3, type ILeaseKeepAliveResponse } from 'etcd3'
import type { Clock } from '../sim/clock.ts'
import type { KeyValueStore } from './kv.ts'
import { StoreError } from './errors.ts'
import { EtcdCodec } from './etcd-codec.ts'
import { etcdCall } from './etcd-errors.ts'
import { KeyPrefix } from './etcd-key-prefix.ts'
import { LeaseIdMap } from './etcd-lease-ids.ts'
import { MAX_LEASE_TTL_SECONDS } from './lessor.ts'
import { closeStream, DEFAULT_WATCH_TIMING, EtcdWatch, type EtcdWatchTiming } from './etcd-watch.ts'
import type {
  CompactResponse,
  DeleteRangeRequest,
  DeleteRangeResponse,
  PutRequest,
  PutResponse,
  RangeRequest,
  RangeResponse,
  TxnRequest,
  TxnResponse,
} from './requests.ts'
import type { Watch, WatchListener, WatchRequest } from './watch-messages.ts'
import type {
  LeaseGrantRequest,
  LeaseGrantResponse,
  LeaseKeepAliveResponse,
  LeaseLeasesResponse,
  LeaseRevokeResponse,
  LeaseTimeToLiveRequest,
  LeaseTimeToLiveResponse,
} from './lease-messages.ts'

export interface EtcdStoreOptions {
  /** Timers for watch creation and progress (RealClock in a live cluster). */
  readonly clock: Clock
  /** Every key of this store lives under this prefix on the server; give each store its own. */
  readonly keyPrefix: string
  /** A connected client, e.g. `new Etcd3({ hosts: 'http://127.0.0.1:2379' })`. */
  readonly client: Etcd3
  /** Close the client when the store closes (true when the store made it). */
  readonly ownsClient?: boolean
  readonly watchTiming?: EtcdWatchTiming
}

export class EtcdStore implements KeyValueStore {
  readonly #client: Etcd3
  readonly #ownsClient: boolean
  readonly #prefix: KeyPrefix
  readonly #leases = new LeaseIdMap()
  readonly #codec: EtcdCodec
  readonly #clock: Clock
  readonly #timing: EtcdWatchTiming
  readonly #watches = new Set<EtcdWatch>()
  #nextWatchId = 1
  #closed = false

  constructor(options: EtcdStoreOptions) {
    this.#client = options.client
    this.#ownsClient = options.ownsClient ?? false
    this.#prefix = new KeyPrefix(options.keyPrefix)
    this.#codec = new EtcdCodec(this.#prefix, this.#leases)
    this.#clock = options.clock
    this.#timing = options.watchTiming ?? DEFAULT_WATCH_TIMING
  }

  /** A store on the server at `endpoint` (e.g. http://127.0.0.1:2379), with a client of its own. */
  static connect(options: { readonly clock: Clock; readonly endpoint: string; readonly keyPrefix: string; readonly watchTiming?: EtcdWatchTiming }): EtcdStore {
    return new EtcdStore({ ...options, client: new Etcd3({ hosts: options.endpoint }), ownsClient: true })
  }

  async range(request: RangeRequest): Promise<RangeResponse> {
    this.#open()
    const r = await etcdCall(() => this.#client.kv.range(this.#codec.range(request)))
    return this.#codec.rangeResponse(r)
  }

  async put(request: PutRequest): Promise<PutResponse> {
    this.#open()
    const r = await etcdCall(() => this.#client.kv.put(this.#codec.put(request)))
    return this.#codec.putResponse(r)
  }

  async deleteRange(request: DeleteRangeRequest): Promise<DeleteRangeResponse> {
    this.#open()
    const r = await etcdCall(() => this.#client.kv.deleteRange(this.#codec.deleteRange(request)))
    return this.#codec.deleteRangeResponse(r)
  }

  async txn(request: TxnRequest): Promise<TxnResponse> {
    this.#open()
    const r = await etcdCall(() => this.#client.kv.txn(this.#codec.txn(request)))
    return this.#codec.txnResponse(r)
  }

  /** Compacts the whole server's history: every store sharing it loses revisions before `revision`. */
  async compact(revision: number): Promise<CompactResponse> {
    this.#open()
    if (!Number.isSafeInteger(revision)) throw new StoreError('invalid-argument', `revision ${revision}`)
    const r = await etcdCall(() => this.#client.kv.compact({ revision, physical: false }))
    return { header: this.#codec.header(r.header) }
  }

  async watch(request: WatchRequest, listener: WatchListener): Promise<Watch> {
    this.#open()
    if (request.startRevision !== undefined && !Number.isSafeInteger(request.startRevision)) {
      throw new StoreError('invalid-argument', `startRevision ${request.startRevision}`)
    }
    const watch = await EtcdWatch.open(
      {
        clock: this.#clock,
        codec: this.#codec,
        prefix: this.#prefix,
        timing: this.#timing,
        openStream: () => this.#client.watchClient.watch(),
        onEnd: (w) => this.#watches.delete(w),
      },
      this.#nextWatchId++,
      request,
      listener,
    )
    if (this.#closed) watch.close()
    else this.#watches.add(watch)
    return watch
  }

  async leaseGrant(request: LeaseGrantRequest): Promise<LeaseGrantResponse> {
    this.#open()
    if (!Number.isSafeInteger(request.ttl)) throw new StoreError('invalid-argument', `ttl ${request.ttl}`)
    const requested = request.id ?? 0
    if (!Number.isSafeInteger(requested) || requested < 0) throw new StoreError('invalid-argument', `lease id ${requested}`)
    // etcd's Grant refuses a too-large TTL before it looks for an existing lease (lessor.go).
    if (request.ttl > MAX_LEASE_TTL_SECONDS) throw new StoreError('lease-ttl-too-large', `${request.ttl} s`)
    if (requested !== 0 && this.#leases.has(requested)) {
      // The ID stays taken while the server still has the lease (not revoked, not expired).
      const alive = await this.leaseTimeToLive({ id: requested })
      if (alive.ttl !== -1) throw new StoreError('lease-exists', `lease ${requested}`)
      this.#leases.forget(requested)
    }
    const r = await etcdCall(() => this.#client.leaseClient.leaseGrant({ TTL: request.ttl, ID: 0 }))
    const id = this.#leases.choose(requested)
    this.#leases.bind(id, String(r.ID))
    return { header: this.#codec.header(r.header), id, ttl: Number(r.TTL) }
  }

  async leaseRevoke(id: number): Promise<LeaseRevokeResponse> {
    this.#open()
    const r = await etcdCall(() => this.#client.leaseClient.leaseRevoke({ ID: this.#leases.server(id) }))
    this.#leases.forget(id)
    return { header: this.#codec.header(r.header) }
  }

  async leaseKeepAlive(id: number): Promise<LeaseKeepAliveResponse> {
    this.#open()
    const stream = await etcdCall(() => this.#client.leaseClient.leaseKeepAlive())
    const r = await etcdCall(
      () =>
        new Promise<ILeaseKeepAliveResponse>((resolve, reject) => {
          stream.on('data', resolve)
          stream.on('error', reject)
          stream.on('end', () => reject(new Error('etcd keep-alive stream ended without an answer')))
          stream.write({ ID: this.#leases.server(id) })
        }),
    ).finally(() => closeStream(stream))
    // etcd answers a keep-alive of a missing lease with TTL 0 rather than an error (v3rpc/lease.go).
    if (Number(r.TTL) <= 0) throw new StoreError('lease-not-found', `lease ${id}`)
    return { header: this.#codec.header(r.header), id, ttl: Number(r.TTL) }
  }

  async leaseTimeToLive(request: LeaseTimeToLiveRequest): Promise<LeaseTimeToLiveResponse> {
    this.#open()
    const r = await etcdCall(() => this.#client.leaseClient.leaseTimeToLive({ ID: this.#leases.server(request.id), keys: request.keys ?? false }))
    const ttl = Number(r.TTL)
    if (ttl === -1) return { header: this.#codec.header(r.header), id: request.id, ttl: -1, grantedTtl: 0, keys: [] }
    const keys = (r.keys ?? []).map((k) => this.#prefix.strip(k))
    return { header: this.#codec.header(r.header), id: request.id, ttl, grantedTtl: Number(r.grantedTTL), keys }
  }

  async leaseLeases(): Promise<LeaseLeasesResponse> {
    this.#open()
    const r = await etcdCall(() => this.#client.leaseClient.leaseLeases())
    const leases = r.leases.flatMap((l) => {
      const id = this.#leases.local(String(l.ID))
      return id !== undefined && this.#leases.has(id) ? [{ id }] : []
    })
    return { header: this.#codec.header(r.header), leases }
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    for (const w of [...this.#watches]) w.close()
    if (this.#ownsClient) this.#client.close()
  }

  #open(): void {
    if (this.#closed) throw new StoreError('closed')
  }
}
