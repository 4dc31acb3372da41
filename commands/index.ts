/** The chat surface's entry points; Slack (Bolt) and the local console both call these. */
export { subcommands } from './registry';
export { dispatchIncidentCommand, helpText } from './dispatch';
export { pressIncidentButton } from './buttons';
export { pressApprovalButton } from './approval-buttons';
export type { CommandReply, CommandRequest, Subcommand } from './command-types';
