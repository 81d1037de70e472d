// A view of a KeyValueStore whose revisions are shifted by a fixed offset, so that a store on a
// shared etcd server (where revisions are global and a new prefix starts wherever the server is)
// reads as if it were a new store at revision 1. For tests: the conformance suite and the
// differential suite compare revisions relative to each side's start. Only positive revisions are
// shifted (0 keeps its meaning: "now", "none", "missing").
import type { Event, KeyValue, ResponseHeader } from './key-value.ts'
import type { KeyValueStore } from './kv.ts'
import type { Compare, RequestOp, ResponseOp, TxnRequest, TxnResponse } from './requests.ts'
import type { WatchResponse } from './watch-messages.ts'

export class RevisionOffsetStore implements KeyValueStore {
  readonly #inner: KeyValueStore
  /** inner revision = outer revision + offset. */
  readonly offset: number

  constructor(inner: KeyValueStore, offset: number) {
    this.#inner = inner
    this.offset = offset
  }

  async range(request: Parameters<KeyValueStore['range']>[0]) {
    const r = await this.#inner.range({ ...request, revision: this.#in(request.revision) })
    return { ...r, header: this.#header(r.header), kvs: r.kvs.map((kv) => this.#kv(kv)) }
  }

  async put(request: Parameters<KeyValueStore['put']>[0]) {
    const r = await this.#inner.put(request)
    return r.prevKv ? { header: this.#header(r.header), prevKv: this.#kv(r.prevKv) } : { header: this.#header(r.header) }
  }

  async deleteRange(request: Parameters<KeyValueStore['deleteRange']>[0]) {
    const r = await this.#inner.deleteRange(request)
    return { ...r, header: this.#header(r.header), prevKvs: r.prevKvs.map((kv) => this.#kv(kv)) }
  }

  async txn(request: TxnRequest) {
    return this.#txnResponse(await this.#inner.txn(this.#txnRequest(request)))
  }

  async compact(revision: number) {
    const r = await this.#inner.compact(this.#in(revision) ?? 0)
    return { header: this.#header(r.header) }
  }

  async watch(request: Parameters<KeyValueStore['watch']>[0], listener: Parameters<KeyValueStore['watch']>[1]) {
    return this.#inner.watch({ ...request, startRevision: this.#in(request.startRevision) }, (response) => listener(this.#watchResponse(response)))
  }

  async leaseGrant(request: Parameters<KeyValueStore['leaseGrant']>[0]) {
    const r = await this.#inner.leaseGrant(request)
    return { ...r, header: this.#header(r.header) }
  }

  async leaseRevoke(id: number) {
    const r = await this.#inner.leaseRevoke(id)
    return { header: this.#header(r.header) }
  }

  async leaseKeepAlive(id: number) {
    const r = await this.#inner.leaseKeepAlive(id)
    return { ...r, header: this.#header(r.header) }
  }

  async leaseTimeToLive(request: Parameters<KeyValueStore['leaseTimeToLive']>[0]) {
    const r = await this.#inner.leaseTimeToLive(request)
    return { ...r, header: this.#header(r.header) }
  }

  async leaseLeases() {
    const r = await this.#inner.leaseLeases()
    return { ...r, header: this.#header(r.header) }
  }

  close(): Promise<void> {
    return this.#inner.close()
  }

  #in(revision: number | undefined): number | undefined {
    return revision !== undefined && revision > 0 ? revision + this.offset : revision
  }

  #out(revision: number): number {
    return revision > 0 ? revision - this.offset : revision
  }

  #header(header: ResponseHeader): ResponseHeader {
    return { revision: this.#out(header.revision) }
  }

  #kv(kv: KeyValue): KeyValue {
    return { ...kv, createRevision: this.#out(kv.createRevision), modRevision: this.#out(kv.modRevision) }
  }

  #event(event: Event): Event {
    return event.prevKv ? { ...event, kv: this.#kv(event.kv), prevKv: this.#kv(event.prevKv) } : { ...event, kv: this.#kv(event.kv) }
  }

  #watchResponse(response: WatchResponse): WatchResponse {
    switch (response.type) {
      case 'events':
        return { ...response, header: this.#header(response.header), events: response.events.map((e) => this.#event(e)) }
      case 'progress':
        return { ...response, header: this.#header(response.header) }
      case 'canceled':
        return { ...response, header: this.#header(response.header), compactRevision: this.#out(response.compactRevision) }
    }
  }

  #compare(c: Compare): Compare {
    return c.target === 'create' || c.target === 'mod' ? { ...c, operand: this.#in(c.operand)! } : c
  }

  #txnRequest(request: TxnRequest): TxnRequest {
    const op = (o: RequestOp): RequestOp => (o.type === 'range' ? { ...o, revision: this.#in(o.revision) } : o.type === 'txn' ? { ...o, ...this.#txnRequest(o) } : o)
    return { compare: request.compare?.map((c) => this.#compare(c)), success: request.success?.map(op), failure: request.failure?.map(op) }
  }

  #txnResponse(r: TxnResponse): TxnResponse {
    return { ...r, header: this.#header(r.header), responses: r.responses.map((op) => this.#responseOp(op)) }
  }

  #responseOp(op: ResponseOp): ResponseOp {
    switch (op.type) {
      case 'range':
        return { ...op, header: this.#header(op.header), kvs: op.kvs.map((kv) => this.#kv(kv)) }
      case 'put':
        return op.prevKv ? { type: 'put', header: this.#header(op.header), prevKv: this.#kv(op.prevKv) } : { type: 'put', header: this.#header(op.header) }
      case 'deleteRange':
        return { ...op, header: this.#header(op.header), prevKvs: op.prevKvs.map((kv) => this.#kv(kv)) }
      case 'txn':
        return { type: 'txn', ...this.#txnResponse(op) }
    }
  }
}
