import type { ApprovalView, Chat, ChatChannel, IncidentView } from '../../src/app/ports';

export type ChatCall =
  | { kind: 'openIncidentChannel'; incidentId: string; name: string }
  | { kind: 'postIncidentMessage'; channelId: string; view: IncidentView }
  | { kind: 'updateIncidentMessage'; channelId: string; ts: string; view: IncidentView }
  | { kind: 'page'; incidentId: string; responders: string[]; levelName: string; pageId: string; at: number }
  | { kind: 'postThreadNote'; channelId: string; text: string; key: string }
  | { kind: 'announce'; incidentId: string }
  | { kind: 'postChannelMessage'; channelId?: string; text: string; key?: string }
  | { kind: 'postApprovalRequest'; channelId: string; view: ApprovalView }
  | { kind: 'updateApprovalRequest'; channelId: string; ts: string; view: ApprovalView };

/** A chat that records what the engine asked of it: the test adapter of the Chat port. */
export class RecordingChat implements Chat {
  readonly calls: ChatCall[] = [];
  private next = 1;
  private readonly failures = new Map<ChatCall['kind'], number>();

  /** The next `times` calls of `kind` throw, as a chat that is down would; nothing is recorded for them. */
  failNext(kind: ChatCall['kind'], times = 1): void {
    this.failures.set(kind, (this.failures.get(kind) ?? 0) + times);
  }

  private failIfAsked(kind: ChatCall['kind']): void {
    const left = this.failures.get(kind) ?? 0;
    if (left === 0) return;
    this.failures.set(kind, left - 1);
    throw new Error(`chat is down (${kind})`);
  }

  pages(incidentId?: string) {
    return this.calls.filter((c): c is Extract<ChatCall, { kind: 'page' }> => c.kind === 'page' && (!incidentId || c.incidentId === incidentId));
  }

  async openIncidentChannel(view: IncidentView, preferredName: string): Promise<ChatChannel> {
    this.calls.push({ kind: 'openIncidentChannel', incidentId: view.incidentId, name: preferredName });
    return { id: `C${String(this.next++).padStart(8, '0')}`, name: preferredName };
  }
  async postIncidentMessage(channelId: string, view: IncidentView): Promise<string> {
    this.calls.push({ kind: 'postIncidentMessage', channelId, view });
    return `${this.next++}.000100`;
  }
  async updateIncidentMessage(channelId: string, ts: string, view: IncidentView): Promise<void> {
    this.calls.push({ kind: 'updateIncidentMessage', channelId, ts, view });
  }
  async page(view: IncidentView, responders: string[], levelName: string, pageId: string): Promise<void> {
    this.failIfAsked('page');
    this.calls.push({ kind: 'page', incidentId: view.incidentId, responders, levelName, pageId, at: Date.now() });
  }
  async postThreadNote(channelId: string, _threadTs: string, text: string, key: string): Promise<void> {
    this.calls.push({ kind: 'postThreadNote', channelId, text, key });
  }
  async announce(view: IncidentView): Promise<void> {
    this.calls.push({ kind: 'announce', incidentId: view.incidentId });
  }
  async postChannelMessage(channelId: string | undefined, text: string, key?: string): Promise<void> {
    this.failIfAsked('postChannelMessage');
    this.calls.push({ kind: 'postChannelMessage', channelId, text, key });
  }
  /** Groups expand to the members a test gives them; users stand for themselves. */
  groups: Record<string, string[]> = {};
  async expandUserGroups(ids: string[]): Promise<string[]> {
    return [...new Set(ids.flatMap((id) => (id.startsWith('S') ? (this.groups[id] ?? []) : [id])))];
  }
  async postApprovalRequest(channelId: string, view: ApprovalView): Promise<string> {
    this.calls.push({ kind: 'postApprovalRequest', channelId, view: structuredClone(view) });
    return `${this.next++}.000200`;
  }
  async updateApprovalRequest(channelId: string, ts: string, view: ApprovalView): Promise<void> {
    this.calls.push({ kind: 'updateApprovalRequest', channelId, ts, view: structuredClone(view) });
  }
}
