// The name and value checks every validator builds on. Each returns the problems found, in
// apimachinery's words; an empty list means valid.
// Mirrors staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go (IsDNS1123Label,
// IsDNS1123Subdomain, IsDNS1035Label, IsQualifiedName, IsValidLabelValue, IsValidPortNum,
// IsValidPortName, IsEnvVarName, IsConfigMapKey, IsValidIP) and the name validators of
// staging/src/k8s.io/apimachinery/pkg/api/validation/generic.go (NameIsDNSSubdomain, maskTrailingDash).
import { isDNS1123Subdomain, isLabelKey, isLabelValue } from '../selectors/index.ts'

export { isDNS1123Subdomain }
/** A label key, annotation key or finalizer: optional DNS subdomain prefix and `/`, then a name. */
export const isQualifiedName = isLabelKey
export const isValidLabelValue = isLabelValue

function byteLength(value: string): number {
  return Buffer.byteLength(value, 'utf8')
}

function maxLenError(length: number): string {
  return `must be no more than ${length} characters`
}

function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`
  // Go joins the examples as "'a', " + " or " + "'b', ", so a double space precedes each "or".
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`
}

const dns1123LabelFmt = '[a-z0-9]([-a-z0-9]*[a-z0-9])?'
const dns1123LabelRe = new RegExp(`^${dns1123LabelFmt}$`)
export const DNS1123_LABEL_MAX_LENGTH = 63

export function isDNS1123Label(value: string): string[] {
  const errs: string[] = []
  if (byteLength(value) > DNS1123_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1123_LABEL_MAX_LENGTH))
  if (!dns1123LabelRe.test(value)) {
    const msg = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"
    errs.push(regexError(msg, dns1123LabelFmt, 'my-name', '123-abc'))
  }
  return errs
}

const dns1035LabelFmt = '[a-z]([-a-z0-9]*[a-z0-9])?'
const dns1035LabelRe = new RegExp(`^${dns1035LabelFmt}$`)

export function isDNS1035Label(value: string): string[] {
  const errs: string[] = []
  if (byteLength(value) > DNS1123_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1123_LABEL_MAX_LENGTH))
  if (!dns1035LabelRe.test(value)) {
    const msg = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character"
    errs.push(regexError(msg, dns1035LabelFmt, 'my-name', 'abc-123'))
  }
  return errs
}

export function isValidPortNum(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : ['must be between 1 and 65535, inclusive']
}

const portNameCharsetRe = /^[-a-z0-9]+$/
const portNameOneLetterRe = /[a-z]/

/** An IANA_SVC_NAME: at most 15 characters, a-z 0-9 and '-', at least one letter, no '--', no edge '-'. */
export function isValidPortName(port: string): string[] {
  const errs: string[] = []
  if (port.length > 15) errs.push(maxLenError(15))
  if (!portNameCharsetRe.test(port)) errs.push('must contain only alphanumeric characters (a-z, 0-9), and hyphens (-)')
  if (!portNameOneLetterRe.test(port)) errs.push('must contain at least one letter (a-z)')
  if (port.includes('--')) errs.push('must not contain consecutive hyphens')
  if (port.length > 0 && (port[0] === '-' || port[port.length - 1] === '-')) errs.push('must not begin or end with a hyphen')
  return errs
}

const envVarNameFmt = '[-._a-zA-Z][-._a-zA-Z0-9]*'
const envVarNameRe = new RegExp(`^${envVarNameFmt}$`)

export function isEnvVarName(value: string): string[] {
  const errs: string[] = []
  if (!envVarNameRe.test(value)) {
    const msg = "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit"
    errs.push(regexError(msg, envVarNameFmt, 'my.env-name', 'MY_ENV.NAME', 'MyEnvName1'))
  }
  errs.push(...hasChDirPrefix(value))
  return errs
}

const configMapKeyFmt = '[-._a-zA-Z0-9]+'
const configMapKeyRe = new RegExp(`^${configMapKeyFmt}$`)

export function isConfigMapKey(value: string): string[] {
  const errs: string[] = []
  if (value.length > 253) errs.push(maxLenError(253))
  if (!configMapKeyRe.test(value)) {
    errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", configMapKeyFmt, 'key.name', 'KEY_NAME', 'key-name'))
  }
  errs.push(...hasChDirPrefix(value))
  return errs
}

function hasChDirPrefix(value: string): string[] {
  if (value === '.') return ["must not be '.'"]
  if (value === '..') return ["must not be '..'"]
  if (value.startsWith('..')) return ["must not start with '..'"]
  return []
}

const ipv4Re = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/

/** An IPv4 address in dotted-quad form (IPv6 is outside this engine's networks). */
export function isValidIP(value: string): string[] {
  return ipv4Re.test(value) ? [] : ['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']
}

/** A name validator as ValidateObjectMeta takes it; `prefix` is true for a generateName. */
export type NameValidator = (name: string, prefix: boolean) => string[]

/** A generateName may end in '-': mask it so the rest is checked as a name would be. */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name
}

export const nameIsDNSSubdomain: NameValidator = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name)
export const nameIsDNSLabel: NameValidator = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name)
export const nameIsDNS1035Label: NameValidator = (name, prefix) => isDNS1035Label(prefix ? maskTrailingDash(name) : name)

/** Names that may not be used for any object because they are path segments (path.IsValidPathSegmentName). */
export function isValidPathSegmentName(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`]
  const errs: string[] = []
  for (const illegal of ['/', '%']) if (name.includes(illegal)) errs.push(`may not contain '${illegal}'`)
  return errs
}
