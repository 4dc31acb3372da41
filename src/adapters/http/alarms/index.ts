/** What the HTTP layer needs to accept alarms; internals stay private to this folder. */
export { AlarmInputError, type AlarmInputErrorCode } from './alarm-input-error';
export { parseSnsEnvelope, type SnsEnvelope, type SnsMessageType, type SnsNotification, type SnsSubscriptionConfirmation, type SnsUnsubscribeConfirmation } from './sns-message';
export { createSnsVerifier, createHttpsCertificateFetcher, type SnsVerifier, type SnsVerifierOptions, type CertificateFetcherOptions } from './sns-verify';
export { confirmSubscription, type ConfirmSubscriptionOptions } from './sns-subscription';
export { cloudWatchAlarmFromSns, cloudWatchAlarmFromEventBridge } from './cloudwatch';
export { alertmanagerSignals } from './alertmanager';
export { genericSignal, type GenericAlarmBody } from './generic';
