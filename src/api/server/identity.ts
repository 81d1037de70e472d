// Names and UIDs the API server makes up, from the injected seeded Random (never Math.random):
// a generateName gets a 5-character suffix from the alphabet apimachinery uses (no vowels, no
// look-alike digits), the base cut to 58 characters; a UID is a version-4-shaped UUID.
// Mirrors staging/src/k8s.io/apiserver/pkg/storage/names/generate.go (SimpleNameGenerator) and
// staging/src/k8s.io/apimachinery/pkg/util/rand/rand.go (String); UIDs as google/uuid.NewUUID's shape.
import type { Random } from '../../sim/random.ts'

const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789'
const MAX_NAME_LENGTH = 63
const RANDOM_LENGTH = 5
const MAX_GENERATED_NAME_LENGTH = MAX_NAME_LENGTH - RANDOM_LENGTH

export function generateName(base: string, random: Random): string {
  const prefix = base.length > MAX_GENERATED_NAME_LENGTH ? base.slice(0, MAX_GENERATED_NAME_LENGTH) : base
  let suffix = ''
  for (let i = 0; i < RANDOM_LENGTH; i++) suffix += ALPHANUMS[random.int(0, ALPHANUMS.length - 1)]
  return prefix + suffix
}

/** `digits` (at most 8) random hex digits from one draw. */
function hex(random: Random, digits: number): string {
  return random
    .int(0, 16 ** digits - 1)
    .toString(16)
    .padStart(digits, '0')
}

export function newUid(random: Random): string {
  // Drawn in 32-bit chunks (six draws, not 31): every pod and event create makes one.
  const variant = '89ab'[random.int(0, 3)]
  return `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-${variant}${hex(random, 3)}-${hex(random, 6)}${hex(random, 6)}`
}
