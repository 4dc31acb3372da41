import type { IncidentButton } from '../../app/incident-buttons';
import type { ApprovalButton } from '../../app/actions/approval-view';

/** Any button the console prints: the incident message's or an approval request's. */
export type ConsoleButton = { actionId: IncidentButton['actionId'] | ApprovalButton['actionId']; label: string; value: string };

export interface PrintedButton {
  number: number;
  actionId: ConsoleButton['actionId'];
  label: string;
  /** The button's value: an incident id, or `<incident>|<request>` for approvals. */
  value: string;
  incidentId: string;
  channelId: string;
  /** Which printed message it belongs to; an update of that message replaces its buttons, as in Slack. */
  messageTs: string;
  replaced: boolean;
}

/** A long session keeps only the most recent buttons; older numbers answer "unknown". */
const KEEP = 2000;

/**
 * Buttons printed on the console, numbered across the whole session so
 * `press 7` names exactly one button on one printed message.
 */
export class ButtonRegistry {
  private next = 1;
  private readonly byNumber = new Map<number, PrintedButton>();

  /** Numbers a message's buttons; the same message's earlier buttons become replaced. */
  register(channelId: string, messageTs: string, incidentId: string, buttons: readonly ConsoleButton[]): PrintedButton[] {
    for (const b of this.byNumber.values()) if (b.channelId === channelId && b.messageTs === messageTs) b.replaced = true;
    const printed = buttons.map((b): PrintedButton => {
      const entry = { number: this.next++, actionId: b.actionId, label: b.label, value: b.value, incidentId, channelId, messageTs, replaced: false };
      this.byNumber.set(entry.number, entry);
      return entry;
    });
    for (const n of this.byNumber.keys()) {
      if (this.byNumber.size <= KEEP) break;
      this.byNumber.delete(n);
    }
    return printed;
  }

  find(number: number): PrintedButton | undefined {
    return this.byNumber.get(number);
  }

  /** The live buttons of the message a (possibly replaced) button was printed on. */
  currentOf(button: PrintedButton): PrintedButton[] {
    return [...this.byNumber.values()].filter((b) => !b.replaced && b.channelId === button.channelId && b.messageTs === button.messageTs);
  }
}

export function formatButtons(buttons: readonly PrintedButton[]): string {
  return buttons.map((b) => `[${b.number}] ${b.label}`).join('  ');
}
