// Small helpers graders use to write failures as scenarios: values as compact text, and the
// reference beside the learner's code with the first difference marked.

/** A compact, stable one-line rendering of a value (JSON with sorted keys, undefined shown). */
export function show(value: unknown): string {
  if (value === undefined) return 'undefined'
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Map) return Object.fromEntries(v)
    if (v instanceof Set) return [...v]
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
    }
    return v
  })
}

/** A numbered list, one item a line. */
export function numbered(lines: readonly string[]): string {
  const width = String(lines.length).length
  return lines.map((line, i) => `${String(i + 1).padStart(width)}. ${line}`).join('\n')
}

/**
 * Two columns, the reference's lines beside the learner's, with the first line that differs marked
 * `≠`. Used for op sequences and event streams.
 */
export function sideBySide(reference: readonly string[], learner: readonly string[], titles = ['reference', 'your code']): string {
  const width = Math.min(60, Math.max(titles[0].length, ...reference.map((l) => l.length)))
  const rows = Math.max(reference.length, learner.length)
  const firstDiff = Array.from({ length: rows }, (_, i) => reference[i] !== learner[i]).indexOf(true)
  const cell = (text: string | undefined) => (text ?? '—').slice(0, width).padEnd(width)
  const out = [`    ${titles[0].padEnd(width)} │ ${titles[1]}`, `    ${'─'.repeat(width)}─┼─${'─'.repeat(Math.max(9, titles[1].length))}`]
  for (let i = 0; i < rows; i++) {
    const mark = i === firstDiff ? ' ≠ ' : '   '
    out.push(`${mark} ${cell(reference[i])} │ ${learner[i] ?? '—'}`)
  }
  return out.join('\n')
}
