// JSON merge patch (RFC 7386, `application/merge-patch+json`): a patch is a partial document;
// objects merge key by key, `null` deletes a key, and anything else (arrays included) replaces the
// target wholesale. Pure: neither argument is changed; untouched subtrees are shared, not copied.
// Mirrors the MergePatch pseudocode of RFC 7386 section 2, as evanphx/json-patch implements it
// for the apiserver's patch handler (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go).

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

export function isJsonObject(value: unknown): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function applyJsonMergePatch(target: unknown, patch: unknown): Json {
  if (!isJsonObject(patch)) return patch as Json
  const out: { [key: string]: Json } = isJsonObject(target) ? { ...target } : {}
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key]
    else out[key] = applyJsonMergePatch(out[key], value)
  }
  return out
}
