import type { IncidentButton } from '../../app/incident-buttons';

export interface PrintedButton {
  number: number;
  actionId: IncidentButton['actionId'];
  label: string;
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
  register(channelId: string, messageTs: string, incidentId: string, buttons: readonly IncidentButton[]): PrintedButton[] {
    for (const b of this.byNumber.values()) if (b.channelId === channelId && b.messageTs === messageTs) b.replaced = true;
    const printed = buttons.map((b): PrintedButton => {
      const entry = { number: this.next++, actionId: b.actionId, label: b.label, incidentId, channelId, messageTs, replaced: false };
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
