// Allocation of Service cluster IPs from the service CIDR (default 10.96.0.0/12) and of NodePorts
// from 30000-32767. Dynamic allocations draw a random free address from the upper part of the
// range, leaving the lower band (min(max(16, size/16), 256) addresses) for static choices; the
// first address (10.96.0.1) is reserved for the `kubernetes` service. Draws come from the seeded
// Random, so a seed gives the same addresses every run.
// Mirrors pkg/registry/core/service/ipallocator/bitmap.go (Range, AllocateNext with the static
// subrange of KEP-3070) and pkg/registry/core/service/portallocator; the real bitmap is persisted
// in etcd, this one is rebuilt from the stored Services when the server starts.
import type { Random } from '../../sim/random.ts'

function parseIPv4(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0)
}

export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.')
}

export class RangeAllocator {
  readonly #used = new Set<number>()
  readonly #first: number
  readonly #size: number
  readonly #staticBand: number
  readonly #random: Random

  /** Offsets [0, size) of the values first..first+size-1. */
  constructor(first: number, size: number, staticBand: number, random: Random) {
    this.#first = first
    this.#size = size
    this.#staticBand = staticBand
    this.#random = random
  }

  has(value: number): boolean {
    return this.#used.has(value - this.#first)
  }

  contains(value: number): boolean {
    return value >= this.#first && value < this.#first + this.#size
  }

  /** Take a specific value; false if taken or out of range. */
  allocate(value: number): boolean {
    const offset = value - this.#first
    if (offset < 0 || offset >= this.#size || this.#used.has(offset)) return false
    this.#used.add(offset)
    return true
  }

  /** A random free value, upper band first; undefined when full. */
  allocateNext(): number | undefined {
    const bands: [number, number][] = [
      [this.#staticBand, this.#size],
      [0, this.#staticBand],
    ]
    for (const [lo, hi] of bands) {
      if (hi <= lo) continue
      const start = this.#random.int(lo, hi - 1)
      for (let i = 0; i < hi - lo; i++) {
        const offset = lo + ((start - lo + i) % (hi - lo))
        if (!this.#used.has(offset)) {
          this.#used.add(offset)
          return this.#first + offset
        }
      }
    }
    return undefined
  }

  release(value: number): void {
    this.#used.delete(value - this.#first)
  }
}

export class ServiceIpAllocator {
  readonly ips: RangeAllocator
  readonly nodePorts: RangeAllocator
  readonly #cidr: string

  constructor(cidr: string, random: Random) {
    const [base, bitsText] = cidr.split('/')
    const bits = Number(bitsText)
    const total = 2 ** (32 - bits)
    const network = parseIPv4(base)
    // Network and broadcast addresses are never handed out.
    const size = total - 2
    const staticBand = Math.min(Math.max(16, Math.floor(size / 16)), 256)
    this.ips = new RangeAllocator(network + 1, size, staticBand, random)
    this.ips.allocate(network + 1)
    this.kubernetesServiceIP = formatIPv4(network + 1)
    this.#cidr = cidr
    this.nodePorts = new RangeAllocator(30000, 2768, Math.min(Math.max(16, Math.floor(2768 / 16)), 128), random)
  }

  /** The address reserved for the default/kubernetes service (the first of the range). */
  readonly kubernetesServiceIP: string

  allocateIP(requested: string | undefined): { ok: true; ip: string } | { ok: false; error: string } {
    if (requested !== undefined && requested !== '') {
      const n = parseIPv4(requested)
      if (!this.ips.contains(n)) return { ok: false, error: `the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${this.#cidr}` }
      if (!this.ips.allocate(n)) return { ok: false, error: 'provided IP is already allocated' }
      return { ok: true, ip: requested }
    }
    const n = this.ips.allocateNext()
    return n === undefined ? { ok: false, error: 'range is full' } : { ok: true, ip: formatIPv4(n) }
  }

  releaseIP(ip: string): void {
    if (ip && ip !== 'None') this.ips.release(parseIPv4(ip))
  }
}
