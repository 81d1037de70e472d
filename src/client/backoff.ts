// How long a reflector waits before listing again after a failure: exponential, capped, and reset
// to the start once things have been calm for a while. Time comes from the injected Clock and
// jitter from an injected Random, so a seed replays every wait.
// Mirrors wait.NewExponentialBackoffManager as the reflector configures it in client-go
// tools/cache/reflector.go (800ms initial, 30s cap, reset after 2 minutes, factor 2, jitter 1.0)
// and the manager in staging/src/k8s.io/apimachinery/pkg/util/wait/backoff.go.
import type { Clock } from '../sim/clock.ts'
import type { Random } from '../sim/random.ts'

/** Hands out the next wait; each call counts as one more failure. */
export interface Backoff {
  nextDelayMs(): number
}

export interface ExponentialBackoffOptions {
  readonly clock: Clock
  readonly initialMs?: number
  readonly maxMs?: number
  /** With no failure for this long, the next wait starts again from initialMs. */
  readonly resetAfterMs?: number
  readonly factor?: number
  /** Adds up to jitter × the wait, drawn from `random` (no jitter without a Random). */
  readonly jitter?: number
  readonly random?: Random
}

export class ExponentialBackoff implements Backoff {
  readonly #clock: Clock
  readonly #initialMs: number
  readonly #maxMs: number
  readonly #resetAfterMs: number
  readonly #factor: number
  readonly #jitter: number
  readonly #random: Random | undefined
  #currentMs = 0
  #lastStartMs: number | undefined

  constructor(options: ExponentialBackoffOptions) {
    this.#clock = options.clock
    this.#initialMs = options.initialMs ?? 800
    this.#maxMs = options.maxMs ?? 30_000
    this.#resetAfterMs = options.resetAfterMs ?? 120_000
    this.#factor = options.factor ?? 2
    this.#jitter = options.jitter ?? 1
    this.#random = options.random
  }

  nextDelayMs(): number {
    const now = this.#clock.now()
    if (this.#lastStartMs === undefined || now - this.#lastStartMs > this.#resetAfterMs) this.#currentMs = this.#initialMs
    else this.#currentMs = Math.min(this.#maxMs, this.#currentMs * this.#factor)
    this.#lastStartMs = now
    const jitterMs = this.#random === undefined ? 0 : Math.floor(this.#random.float() * this.#jitter * this.#currentMs)
    return this.#currentMs + jitterMs
  }
}
