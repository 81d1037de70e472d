// What a label key and a label value may look like. Each check returns the list of problems (empty
// when valid), in the words apimachinery uses.
// Mirrors staging/src/k8s.io/apimachinery/pkg/api/validate/content/kube.go (IsLabelKey, IsLabelValue),
// content/dns.go (IsDNS1123Subdomain) and content/errors.go (MaxLenError, RegexError); older releases
// keep the same rules in pkg/util/validation/validation.go (IsQualifiedName, IsValidLabelValue).

const labelKeyFmt = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'
const labelKeyErrMsg = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
const labelKeyRegexp = new RegExp(`^${labelKeyFmt}$`)
export const labelKeyNameMaxLength = 63

const labelValueFmt = `(${labelKeyFmt})?`
const labelValueErrMsg = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
const labelValueRegexp = new RegExp(`^${labelValueFmt}$`)
export const labelValueMaxLength = 63

const dns1123LabelFmt = '[a-z0-9]([-a-z0-9]*[a-z0-9])?'
const dns1123SubdomainFmt = `${dns1123LabelFmt}(\\.${dns1123LabelFmt})*`
const dns1123SubdomainErrMsg = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"
const dns1123SubdomainRegexp = new RegExp(`^${dns1123SubdomainFmt}$`)
export const dns1123SubdomainMaxLength = 253

/** Go measures strings in bytes; so do we, so that the length limits agree for any input. */
function byteLength(value: string): number {
  return Buffer.byteLength(value, 'utf8')
}

export function maxLenError(length: number): string {
  return `must be no more than ${length} bytes`
}

export function regexError(msg: string, re: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${re}')`
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join('or ')}regex used for validation is '${re}')`
}

const emptyError = 'must be non-empty'

/** A DNS-1123 subdomain such as `example.com`: the optional prefix of a label key. */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = []
  if (byteLength(value) > dns1123SubdomainMaxLength) errs.push(maxLenError(dns1123SubdomainMaxLength))
  if (!dns1123SubdomainRegexp.test(value)) errs.push(regexError(dns1123SubdomainErrMsg, dns1123SubdomainFmt, 'example.com'))
  return errs
}

/**
 * A label key (a "qualified name"): an optional DNS-1123 subdomain prefix and `/`, then a name of at
 * most 63 characters that starts and ends with an alphanumeric and has only `-_.` in between.
 */
export function isLabelKey(value: string): string[] {
  const errs: string[] = []
  const parts = value.split('/')
  let name: string
  if (parts.length === 1) {
    name = parts[0]
  } else if (parts.length === 2) {
    const prefix = parts[0]
    name = parts[1]
    if (prefix.length === 0) errs.push(`prefix part ${emptyError}`)
    else errs.push(...isDNS1123Subdomain(prefix).map((msg) => `prefix part ${msg}`))
  } else {
    return [
      `a valid label key ${regexError(labelKeyErrMsg, labelKeyFmt, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ]
  }
  if (name.length === 0) errs.push(`name part ${emptyError}`)
  else if (byteLength(name) > labelKeyNameMaxLength) errs.push(`name part ${maxLenError(labelKeyNameMaxLength)}`)
  if (!labelKeyRegexp.test(name)) errs.push(`name part ${regexError(labelKeyErrMsg, labelKeyFmt, 'MyName', 'my.name', '123-abc')}`)
  return errs
}

/** A label value: empty, or at most 63 characters that start and end alphanumeric with `-_.` inside. */
export function isLabelValue(value: string): string[] {
  const errs: string[] = []
  if (byteLength(value) > labelValueMaxLength) errs.push(maxLenError(labelValueMaxLength))
  if (!labelValueRegexp.test(value)) errs.push(regexError(labelValueErrMsg, labelValueFmt, 'MyValue', 'my_value', '12345'))
  return errs
}
