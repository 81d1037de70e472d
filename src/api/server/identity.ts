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

function hex(random: Random, digits: number): string {
  let out = ''
  for (let i = 0; i < digits; i++) out += '0123456789abcdef'[random.int(0, 15)]
  return out
}

export function newUid(random: Random): string {
  const variant = '89ab'[random.int(0, 3)]
  return `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-${variant}${hex(random, 3)}-${hex(random, 12)}`
}
