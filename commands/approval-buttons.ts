import type { AppContext } from '../src/app/context';
import { parseApprovalValue } from '../src/app/actions/approval-view';
import { decideOnRequest } from '../src/app/actions/decide-approval';
import { IrbotError } from '../src/domain/errors';
import type { CommandReply } from './command-types';

/** An Approve or Reject click on an approval request, from Slack or the console. */
export async function pressApprovalButton(
  ctx: AppContext,
  press: { actionId: 'action_approve' | 'action_reject'; value: string; userId: string },
  reply: CommandReply,
): Promise<void> {
  const target = parseApprovalValue(press.value);
  if (!target) return reply.ephemeral('That button is broken (no request attached); propose the action again.');
  try {
    const outcome = await decideOnRequest(ctx, target.incidentId, target.requestId, press.userId, press.actionId === 'action_approve' ? 'approve' : 'reject');
    if (outcome.kind === 'rejected') return reply.inChannel(`<@${press.userId}> rejected \`${outcome.action}\`; nothing will run.`);
    if (outcome.complete) return reply.inChannel(`<@${press.userId}> approved \`${outcome.action}\`; it is running now.`);
    await reply.inChannel(`<@${press.userId}> approved \`${outcome.action}\`; it needs ${outcome.remaining} more approval(s) from someone else.`);
  } catch (err) {
    if (err instanceof IrbotError && err.code !== 'conflict') return reply.ephemeral(err.message);
    ctx.log.error({ err, action: press.actionId }, 'approval click failed');
    await reply.ephemeral(`Sorry, that did not work: ${(err as Error).message}. Try again.`);
  }
}
