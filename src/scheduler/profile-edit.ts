// Small edits of a scheduling profile, for lessons and demos that plug in their own plugins:
// replace the score-only plugins with others, or set a weight. A profile is plain data (the
// KubeSchedulerConfiguration's plugins.multiPoint list with weights), so these only rebuild it.
import { names } from './plugins/names.ts'
import type { PluginEntry, Profile } from './profile.ts'

/** In-tree plugins that only score (they never filter): what `withScorePlugins` removes. */
export const scoreOnlyPlugins: ReadonlySet<string> = new Set([names.NodeResourcesBalancedAllocation])

/**
 * The profile with its score-only plugins replaced by `entries`, and the scores of the plugins
 * that also filter turned off unless `keepFilterScores` is set: the nodes are then ranked by
 * `entries` alone. Weight 0 switches a plugin's score off in this engine (a real
 * KubeSchedulerConfiguration lists it under plugins.score.disabled instead).
 */
export function withScorePlugins(profile: Profile, entries: readonly PluginEntry[], options: { readonly keepFilterScores?: boolean } = {}): Profile {
  const kept = profile.plugins
    .filter((p) => !scoreOnlyPlugins.has(p.name) && !entries.some((e) => e.name === p.name))
    .map((p) => (options.keepFilterScores ? p : { ...p, weight: 0 }))
  return { ...profile, plugins: [...kept, ...entries] }
}

/** The profile with one plugin's score weight changed. */
export function withWeight(profile: Profile, name: string, weight: number): Profile {
  return { ...profile, plugins: profile.plugins.map((p) => (p.name === name ? { ...p, weight } : p)) }
}
