import { dispatchIncidentCommand, pressApprovalButton, pressIncidentButton } from '../../commands';
import { formatButtons } from '../adapters/console/button-registry';
import { SLACK_ID_PATTERN } from '../../escalation/schema-fields';
import { enqueueSignals } from '../adapters/http/alarm-routes';
import { AlarmFileError, readAlarmFile } from './alarm-file';
import { consoleReply } from './console-reply';
import type { LineOutcome, LocalSession } from './local-session';

export interface SessionCommand {
  name: string;
  usage: string;
  summary: string;
  run(s: LocalSession, arg: string): Promise<LineOutcome | void>;
}

const incident: SessionCommand = {
  name: '/incident',
  usage: '/incident <subcommand>',
  summary: 'the Slack command, run by you in the current channel (/incident help lists them)',
  run: (s, arg) => dispatchIncidentCommand(s.ctx, { text: arg, userId: s.userId, channelId: s.channel }, consoleReply(s.out, s.channel)),
};

const press: SessionCommand = {
  name: 'press',
  usage: 'press <N>',
  summary: 'presses button [N] of a message above',
  async run(s, arg) {
    if (!arg) return s.tell(`Usage: ${this.usage}, where N is a number shown in [brackets] under an incident message.`);
    const n = Number(arg.replace(/^\[|\]$/g, ''));
    const button = Number.isInteger(n) ? s.buttons.find(n) : undefined;
    if (!button) return s.tell(`There is no button [${arg}]. Buttons are numbered in the incident messages above, e.g. press 1.`);
    if (button.replaced) {
      const now = s.buttons.currentOf(button);
      const hint = now.length > 0 ? `its buttons now are ${formatButtons(now)}` : 'it has no buttons now';
      return s.tell(`Button [${n}] is from an older version of that message; ${hint}.`);
    }
    const reply = consoleReply(s.out, button.channelId);
    if (button.actionId === 'action_approve' || button.actionId === 'action_reject') {
      await pressApprovalButton(s.ctx, { actionId: button.actionId, value: button.value, userId: s.userId }, reply);
    } else {
      await pressIncidentButton(s.ctx, { actionId: button.actionId, incidentId: button.incidentId, userId: s.userId }, reply);
    }
  },
};

const alarm: SessionCommand = {
  name: 'alarm',
  usage: 'alarm <file.json>',
  summary: 'feeds in an alarm: generic, Alertmanager webhook or EventBridge CloudWatch event',
  async run(s, arg) {
    if (!arg) return s.tell(`Usage: ${this.usage}`);
    try {
      const parsed = await readAlarmFile(arg, s.cwd);
      await enqueueSignals({ queue: s.ctx.queue, metrics: s.ctx.metrics }, parsed.signals);
      const states = parsed.signals.map((sig) => `${sig.state}: ${sig.title}`).join('; ');
      const redelivery = parsed.signals.some((sig) => sig.deliveryId) ? ' Sending the same delivery again is ignored as a redelivery.' : '';
      await s.tell(`Alarm queued as POST ${parsed.route} would (${parsed.format}, ${states}).${redelivery}`);
    } catch (err) {
      if (!(err instanceof AlarmFileError)) throw err;
      await s.tell(`${arg}: ${err.message}`);
    }
  },
};

const actAs: SessionCommand = {
  name: 'as',
  usage: 'as <USERID>',
  summary: 'acts as another Slack user from now on (for approvals and acks by others)',
  async run(s, arg) {
    const id = arg.toUpperCase();
    if (!SLACK_ID_PATTERN.test(id) || id.startsWith('S')) return s.tell(`You are ${s.userId}. Usage: ${this.usage}, with a user ID like U0L2ENGINEER.`);
    s.userId = id;
    await s.tell(`You are now ${id}.`);
  },
};

const channel: SessionCommand = {
  name: 'channel',
  usage: 'channel <name|incident number|auto>',
  summary: 'where your /incident commands run; auto follows the newest incident',
  async run(s, arg) {
    const wanted = arg.replace(/^#/, '');
    if (wanted === '') return s.tell(`You are in #${s.channel}. Usage: ${this.usage}`);
    if (wanted === 'auto') {
      s.focus.follow();
      return s.tell(`Following the newest incident: you are in #${s.channel}.`);
    }
    const byNumber = /^\d+$/.test(wanted) ? (await s.ctx.store.listOpen()).find((i) => i.number === Number(wanted))?.channelId : undefined;
    const found = byNumber ?? (await s.ctx.store.findByChannel(wanted))?.channelId;
    if (!found) return s.tell(`No incident channel "${arg}". Type channels to see them.`);
    s.focus.pin(found);
    await s.tell(`You are in #${found}.`);
  },
};

const channels: SessionCommand = {
  name: 'channels',
  usage: 'channels',
  summary: 'the open incidents and their channels',
  async run(s) {
    const open = (await s.ctx.store.listOpen()).sort((a, b) => a.number - b.number);
    const lines = open.map((i) => `${i.channelId === s.channel ? '*' : ' '} #${i.channelId ?? '(opening…)'}  incident #${i.number} ${i.levelId} ${i.status}: ${i.title}`);
    const where = `You are in #${s.channel}${s.focus.isPinned ? '' : ' (following the newest incident)'}.`;
    await s.tell([open.length > 0 ? 'Open incidents:' : 'No open incidents.', ...lines, where].join('\n'));
  },
};

const help: SessionCommand = {
  name: 'help',
  usage: 'help',
  summary: 'this list',
  run: (s) => s.tell(['Console commands:', ...sessionCommands.map((c) => `  ${c.usage.padEnd(40)} ${c.summary}`)].join('\n')),
};

const quit: SessionCommand = {
  name: 'quit',
  usage: 'quit',
  summary: 'lets running jobs finish, then exits',
  run: async () => 'quit',
};

export const sessionCommands: SessionCommand[] = [incident, press, alarm, actAs, channel, channels, help, quit];

export function findSessionCommand(word: string): SessionCommand | undefined {
  const name = word.toLowerCase();
  if (name === 'exit') return quit;
  return sessionCommands.find((c) => c.name === name);
}

export function shortHelp(): string {
  return `Try: ${sessionCommands.map((c) => c.usage).join(', ')}.`;
}
