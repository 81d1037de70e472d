// Lesson text in the terminal: Markdown rendered by marked with marked-terminal.
import { Marked, type Tokens } from 'marked'
import { markedTerminal } from 'marked-terminal'

export function renderMarkdown(markdown: string): string {
  const width = Math.min(process.stdout.columns || 100, 100)
  const marked = new Marked(markedTerminal({ width, reflowText: true, tab: 2, showSectionPrefix: false }), {
    renderer: {
      // marked-terminal 7.3 prints the text of list items raw (`**bold**` stays as typed) under
      // marked 18; render their inline tokens instead.
      text(token: Tokens.Text | Tokens.Escape) {
        return 'tokens' in token && token.tokens ? this.parser.parseInline(token.tokens) : token.text
      },
    },
  })
  return (marked.parse(markdown) as string).trimEnd()
}
