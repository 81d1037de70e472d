// Per-pod scratch space for one scheduling cycle: PreFilter and PreScore write what they computed
// once, Filter and Score read it for every node. Mirrors CycleState in
// pkg/scheduler/framework/cycle_state.go (Read, Write, SkipFilterPlugins, SkipScorePlugins).

/** A typed key; by convention "PreFilter" + plugin name or "PreScore" + plugin name. */
export interface StateKey<T> {
  readonly name: string
  /** Only carries the type. */
  readonly __type?: T
}

export function stateKey<T>(name: string): StateKey<T> {
  return { name }
}

export class CycleState {
  readonly #data = new Map<string, unknown>()
  /** Plugins whose PreFilter returned Skip: their Filter is not called this cycle. */
  readonly skipFilterPlugins = new Set<string>()
  /** Plugins whose PreScore returned Skip: their Score is not called this cycle. */
  readonly skipScorePlugins = new Set<string>()

  read<T>(key: StateKey<T>): T | undefined {
    return this.#data.get(key.name) as T | undefined
  }

  write<T>(key: StateKey<T>, value: T): void {
    this.#data.set(key.name, value)
  }

  delete(key: StateKey<unknown>): void {
    this.#data.delete(key.name)
  }

  /** A copy sharing the stored values (preemption clones state before trying a node). */
  clone(): CycleState {
    const copy = new CycleState()
    for (const [k, v] of this.#data) copy.#data.set(k, v)
    for (const p of this.skipFilterPlugins) copy.skipFilterPlugins.add(p)
    for (const p of this.skipScorePlugins) copy.skipScorePlugins.add(p)
    return copy
  }
}
