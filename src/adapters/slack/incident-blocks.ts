import type { types } from '@slack/bolt';
import { formatDuration } from '../../../escalation/duration';
import { incidentButtons } from '../../app/incident-buttons';
import type { IncidentView } from '../../app/ports';
import { mention } from '../../app/timeline';

type KnownBlock = types.KnownBlock;

/** Slack caps: header text 150, section text 3000, fields 2000 each (10 fields). */
const HEADER_MAX = 150;
const SECTION_MAX = 3000;
const MAX_DETAIL_LINES = 20;

/**
 * The facts shown on the incident message, once, so the Block Kit message,
 * its `text` fallback and the closing note can never disagree.
 */
function facts(view: IncidentView, now: Date) {
  const opened = Date.parse(view.openedAt);
  const deadline = Date.parse(view.rtoDeadline);
  const rtoLeft = deadline - now.getTime();
  const holders = view.responders.map(mention).join(', ') || 'nobody';
  const state =
    view.status === 'acknowledged' && view.acknowledgedBy ? `acknowledged by <@${view.acknowledgedBy}>` : view.status;
  return {
    icon: view.status === 'resolved' ? '✅' : view.status === 'acknowledged' ? '🟠' : '🚨',
    title: `Incident #${view.number}: ${view.title}`,
    level: `${view.levelName} (${view.levelId}), held by ${holders}`,
    state: `${state}${view.recovered ? ' (alarm back to OK)' : ''}`,
    openFor: formatDuration(Math.max(now.getTime() - opened, 0)),
    rto:
      rtoLeft > 0
        ? `${formatDuration(rtoLeft)} left of ${formatDuration(deadline - opened)}`
        : `exceeded by ${formatDuration(Math.max(-rtoLeft, 1000))}`,
    details: Object.entries(view.details).slice(0, MAX_DETAIL_LINES),
    hiddenDetails: Math.max(Object.keys(view.details).length - MAX_DETAIL_LINES, 0),
  };
}

/** The incident message as plain text: the `text` fallback (notifications, screen readers) and the closing note. */
export function incidentMessageText(view: IncidentView, now: Date): string {
  const f = facts(view, now);
  const lines = [
    `${f.icon} ${f.title}`,
    `Level: ${f.level}`,
    `State: ${f.state}`,
    `Time open: ${f.openFor} (opened ${view.openedAt})`,
    `RTO: ${f.rto} (deadline ${view.rtoDeadline})`,
  ];
  if (view.alarmCount > 0) lines.push(`Alarms received: ${view.alarmCount}`);
  if (f.details.length > 0) lines.push(`Details: ${f.details.map(([k, v]) => `${k}=${v}`).join(', ')}${f.hiddenDetails ? ` (+${f.hiddenDetails} more)` : ''}`);
  return lines.join('\n');
}

export function incidentBlocks(view: IncidentView, now: Date): KnownBlock[] {
  const f = facts(view, now);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(`${f.icon} ${f.title}`, HEADER_MAX), emoji: true } },
    { type: 'section', text: { type: 'mrkdwn', text: clip(`*Level:* ${escapeText(f.level)}`, SECTION_MAX) } },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*State:*\n${f.state}` },
        { type: 'mrkdwn', text: `*Alarms received:*\n${view.alarmCount}` },
        // Slack renders {ago} in each reader's client, so "opened" stays true between message updates.
        { type: 'mrkdwn', text: `*Time open:*\n${f.openFor} (opened ${slackDate(view.openedAt, '{ago}')})` },
        { type: 'mrkdwn', text: `*RTO:*\n${f.rto}, deadline ${slackDate(view.rtoDeadline, '{date_short_pretty} {time}')}` },
      ],
    },
  ];
  if (f.details.length > 0) {
    const lines = f.details.map(([k, v]) => `• *${escapeText(k)}:* ${escapeText(v)}`);
    if (f.hiddenDetails) lines.push(`…and ${f.hiddenDetails} more`);
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(`*Alarm details*\n${lines.join('\n')}`, SECTION_MAX) } });
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Incident ID \`${view.incidentId}\` · \`/incident help\` for commands` }] });
  const buttons = incidentButtons(view);
  if (buttons.length > 0) {
    blocks.push({
      type: 'actions',
      block_id: 'incident_actions',
      elements: buttons.map((b) => ({
        type: 'button' as const,
        action_id: b.actionId,
        text: { type: 'plain_text' as const, text: b.label },
        value: b.value,
        ...(b.style ? { style: b.style } : {}),
      })),
    });
  }
  return blocks;
}

/** `<!date^…>` shows a time in each reader's own time zone, with the ISO time as fallback. */
function slackDate(iso: string, format: string): string {
  return `<!date^${Math.floor(Date.parse(iso) / 1000)}^${format}|${iso}>`;
}

/**
 * Slack reads &, < and > as markup. Titles and alarm details come from outside
 * and must show as typed, but our own mentions (<@U…>, <!subteam^S…>) must
 * stay live, so only text outside them is escaped.
 */
export function escapeText(text: string): string {
  return text
    .split(/(<@[UW][A-Z0-9]+>|<!subteam\^S[A-Z0-9]+>)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')))
    .join('');
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
