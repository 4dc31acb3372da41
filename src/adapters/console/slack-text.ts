/**
 * Handlers write Slack mrkdwn (`<@U1>`, `<!subteam^S1>`, `<#C1>`, `*bold*`)
 * because Slack is the main surface; a terminal shows the same words without
 * the markup a person would otherwise have to decode.
 */
export function plainText(text: string): string {
  return text
    .replace(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<!subteam\^([A-Z0-9]+)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<#([^>|]+)(?:\|[^>]*)?>/g, '#$1')
    .replace(/<!(here|channel|everyone)>/g, '@$1')
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,:;!?])/g, '$1$2');
}

/** Prefixes the first line and indents the rest under it, so multi-line replies stay readable. */
export function prefixed(prefix: string, text: string): string[] {
  const [first = '', ...rest] = plainText(text).split('\n');
  const indent = ' '.repeat(Math.min(prefix.length, 8));
  return [`${prefix}${first}`, ...rest.map((line) => `${indent}${line}`)];
}
