import type { IncidentView } from './ports';

/** The incident message's buttons; Slack renders them as Block Kit, the console numbers them. */
export interface IncidentButton {
  actionId: 'incident_ack' | 'incident_escalate' | 'incident_resolve';
  label: string;
  value: string;
  style?: 'primary' | 'danger';
}

export function incidentButtons(view: IncidentView): IncidentButton[] {
  if (view.status === 'resolved') return [];
  const buttons: IncidentButton[] = [];
  if (view.status === 'open') buttons.push({ actionId: 'incident_ack', label: 'Acknowledge', value: view.incidentId, style: 'primary' });
  buttons.push({ actionId: 'incident_escalate', label: 'Escalate', value: view.incidentId });
  buttons.push({ actionId: 'incident_resolve', label: 'Resolve', value: view.incidentId, style: 'danger' });
  return buttons;
}
