import { incidentButtons } from '../../app/incident-buttons';
import type { ApprovalView, Chat, ChatChannel, IncidentView } from '../../app/ports';
import { approvalButtons, approvalText } from '../../app/actions/approval-view';
import { mention } from '../../app/timeline';
import { ButtonRegistry, formatButtons } from './button-registry';
import { plainText, prefixed } from './slack-text';

export interface ConsoleChatOptions {
  /** Where pages and announcements go before an incident has its own channel. */
  alertsChannel?: string;
  /** Shared with whoever reads `press N`; one is made when not given. */
  buttons?: ButtonRegistry;
  /** Told about each incident channel as it opens, so the console can follow the newest incident. */
  onChannelOpened?: (channel: ChatChannel, view: IncidentView) => void;
}

/** How many alarm details the incident message shows; the rest are in `/incident status`. */
const DETAILS_SHOWN = 4;

/**
 * Local mode's chat: everything the bot would say in Slack, printed with the
 * channel it would go to, with the incident message's buttons numbered so a
 * person can type `press N`. Channel names double as channel ids.
 */
export class ConsoleChat implements Chat {
  readonly buttons: ButtonRegistry;
  private readonly alertsChannel: string;
  private counter = 0;

  constructor(
    private readonly write: (line: string) => void,
    private readonly opts: ConsoleChatOptions = {},
  ) {
    this.buttons = opts.buttons ?? new ButtonRegistry();
    this.alertsChannel = opts.alertsChannel ?? 'alerts';
  }

  async openIncidentChannel(view: IncidentView, preferredName: string): Promise<ChatChannel> {
    const channel = { id: preferredName, name: preferredName };
    this.say(channel.id, `Channel created for incident #${view.number}; invited ${view.responders.map(mention).join(', ')}`);
    return channel;
  }

  async postIncidentMessage(channelId: string, view: IncidentView): Promise<string> {
    // Unique across restarts too, as Slack's ts is, so buttons of an old run never alias new ones.
    const ts = `${Date.now()}.${String(++this.counter).padStart(6, '0')}`;
    this.say(channelId, [headline(view), ...detailLines(view), this.buttonLine(channelId, ts, view)].join('\n'));
    // The channel is on record by now (the message is posted after it is stored), so commands typed there find it.
    this.opts.onChannelOpened?.({ id: channelId, name: channelId }, view);
    return ts;
  }

  async updateIncidentMessage(channelId: string, ts: string, view: IncidentView): Promise<void> {
    this.say(channelId, [`(message updated) ${headline(view)}`, this.buttonLine(channelId, ts, view)].join('\n'));
  }

  /** The console keeps no record across restarts, so keys are not used: a retry prints again. */
  async page(view: IncidentView, responders: string[], levelName: string, _pageId: string): Promise<void> {
    this.say(view.channelId ?? this.alertsChannel, `PAGE ${levelName}: ${responders.map(mention).join(', ')}, incident #${view.number} needs you: ${view.title}`);
  }

  async postThreadNote(channelId: string, _threadTs: string, text: string, _key: string): Promise<void> {
    this.say(channelId, `  ↳ ${text}`);
  }

  async announce(view: IncidentView): Promise<void> {
    this.say(this.alertsChannel, `New incident #${view.number} at ${view.levelName} (${view.levelId}): ${view.title}`);
  }

  async postChannelMessage(channelId: string | undefined, text: string, _key?: string): Promise<void> {
    this.say(channelId ?? this.alertsChannel, plainText(text));
  }

  /** The console has no user groups to ask: a group (S…) names nobody here, so local policies list people. */
  async expandUserGroups(ids: string[]): Promise<string[]> {
    return ids.filter((id) => !id.startsWith('S'));
  }

  async postApprovalRequest(channelId: string, view: ApprovalView): Promise<string> {
    const ts = `${Date.now()}.${String(++this.counter).padStart(6, '0')}`;
    this.say(channelId, [...approvalText(view).map(plainText), this.approvalButtonLine(channelId, ts, view)].filter((l) => l !== '').join('\n'));
    return ts;
  }

  async updateApprovalRequest(channelId: string, ts: string, view: ApprovalView): Promise<void> {
    const [first, , ...rest] = approvalText(view).map(plainText);
    // The update shows the outcome; the calls were printed with the request.
    const status = rest.filter((l) => !l.startsWith('Calls (') && !/^ {2}\d+\. /.test(l) && !/^ {5}/.test(l));
    this.say(channelId, [`(approval request updated) ${first ?? ''}`, ...status, this.approvalButtonLine(channelId, ts, view)].filter((l) => l !== '').join('\n'));
  }

  private approvalButtonLine(channelId: string, ts: string, view: ApprovalView): string {
    const printed = this.buttons.register(channelId, ts, view.incidentId, approvalButtons(view));
    return printed.length > 0 ? `  ${formatButtons(printed)}` : '';
  }

  private say(channelId: string, text: string): void {
    for (const line of prefixed(`[#${channelId}] `, text)) this.write(line);
  }

  private buttonLine(channelId: string, ts: string, view: IncidentView): string {
    const printed = this.buttons.register(channelId, ts, view.incidentId, incidentButtons(view).map((b) => ({ actionId: b.actionId, label: b.label, value: b.value })));
    return printed.length > 0 ? `  ${formatButtons(printed)}` : '  (no buttons: resolved)';
  }
}

function headline(view: IncidentView): string {
  const state = view.status === 'acknowledged' && view.acknowledgedBy ? `acknowledged by ${mention(view.acknowledgedBy)}` : view.status;
  const recovered = view.recovered ? ' | alarm back to OK' : '';
  return plainText(`Incident #${view.number}: ${view.title} | ${view.levelName} (${view.levelId}) | ${state}${recovered} | RTO deadline ${view.rtoDeadline}`);
}

function detailLines(view: IncidentView): string[] {
  const entries = Object.entries(view.details);
  if (entries.length === 0) return [];
  const shown = entries.slice(0, DETAILS_SHOWN).map(([k, v]) => `${k}=${v.length > 80 ? `${v.slice(0, 79)}…` : v}`);
  const more = entries.length > DETAILS_SHOWN ? ` (+${entries.length - DETAILS_SHOWN} more)` : '';
  return [`  ${shown.join(', ')}${more}`];
}
