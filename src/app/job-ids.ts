/**
 * Deterministic job ids: the same effect of the same event always gets the same
 * id, so BullMQ drops a duplicate enqueue (a retry, a second replica, a reconcile).
 * BullMQ forbids ':' in custom ids, hence the dashes.
 */
export const jobIds = {
  page: (incidentId: string, generation: number) => `page-${incidentId}-g${generation}`,
  escalateCheck: (incidentId: string, generation: number) => `esc-${incidentId}-g${generation}`,
  escalateRecheck: (incidentId: string, generation: number, dueAtMs: number) => `esc-${incidentId}-g${generation}-at${dueAtMs}`,
  openChannel: (incidentId: string) => `channel-${incidentId}`,
  updateMessage: (incidentId: string, slot: number) => `update-${incidentId}-t${slot}`,
  threadNote: (incidentId: string, seq: number) => `note-${incidentId}-s${seq}`,
  announce: (incidentId: string) => `announce-${incidentId}`,
  postApproval: (requestId: string) => `approval-${requestId}`,
  updateApproval: (requestId: string, slot: number) => `approval-${requestId}-t${slot}`,
  expireAction: (requestId: string) => `expire-${requestId}`,
  runAction: (requestId: string) => `run-${requestId}`,
  rtoCheck: (incidentId: string, percent: number) => `rto-${incidentId}-p${percent}`,
};
