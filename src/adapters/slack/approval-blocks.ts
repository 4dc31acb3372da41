import type { KnownBlock } from '@slack/types';
import { approvalButtons, approvalText, type ApprovalView } from '../../app/actions/approval-view';
import { escapeText } from './incident-blocks';

const MAX_SECTION = 2900;

/** The approval request as Block Kit: what will run, the exact calls, the risk, who must approve, and the buttons. */
export function approvalBlocks(view: ApprovalView): KnownBlock[] {
  const r = view.request;
  const [title, requested, ...rest] = approvalText(view);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(title ?? r.action, 150) } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: requested ?? '' }] },
  ];
  if (r.risk) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `:warning: *${escapeText(r.risk)}*` } });
  const calls = r.calls.map((c, i) => `${i + 1}. \`${c.service}:${c.command}\` (${c.region})${c.mutates ? '' : ' _read-only_'}\n\`\`\`${c.cli}\`\`\``).join('\n');
  if (calls) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(`*Exact calls:*\n${calls}`, MAX_SECTION) } });
  const status = rest.filter((l) => !l.startsWith('Calls (') && !/^ {2}\d+\. /.test(l) && !/^ {5}/.test(l));
  if (status.length > 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(status.join('\n'), MAX_SECTION) } });
  const buttons = approvalButtons(view);
  if (buttons.length > 0) {
    blocks.push({
      type: 'actions',
      block_id: `approval-${r.requestId}`,
      elements: buttons.map((b) => ({ type: 'button', action_id: b.actionId, text: { type: 'plain_text', text: b.label }, value: b.value, ...(b.style ? { style: b.style } : {}) })),
    });
  }
  return blocks;
}

export function approvalFallbackText(view: ApprovalView): string {
  return clip(approvalText(view).join('\n'), 3000);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
