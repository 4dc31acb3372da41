import type { RespondFn } from '@slack/bolt';
import type { CommandReply } from '../../../commands';
import type { Logger } from '../../observability/logger';
import { explainUserCausedError, userCausedError } from './slack-errors';
import type { WebClient } from './web-clients';

export interface ReplyTarget {
  channelId: string;
  userId: string;
  /** Bolt's respond() over the payload's response_url, when the payload had one. */
  respond?: RespondFn;
}

/**
 * How `/incident` and the buttons answer in Slack. Private answers go through
 * response_url, which works in any channel, even ones the bot is not in.
 * Public answers are posted by the bot; when Slack refuses because of where
 * the person is (bot not a member, private, archived), they are told why in
 * words, with the answer itself, instead of hearing nothing.
 */
export function slackReply(client: WebClient, target: ReplyTarget, log: Logger): CommandReply {
  const ephemeral = async (text: string): Promise<void> => {
    if (target.respond) {
      try {
        await target.respond({ response_type: 'ephemeral', replace_original: false, text });
        return;
      } catch (err) {
        // response_url lasts 30 minutes and 5 uses; past that the bot can still whisper.
        log.warn({ err }, 'response_url refused the answer; using chat.postEphemeral');
      }
    }
    await client.chat.postEphemeral({ channel: target.channelId, user: target.userId, text });
  };

  const inChannel = async (text: string): Promise<void> => {
    try {
      await client.chat.postMessage({ channel: target.channelId, text });
    } catch (err) {
      const code = userCausedError(err);
      if (!code) throw err;
      await ephemeral(`${explainUserCausedError(code)}\nWhat I would have posted:\n${text}`);
    }
  };

  return { ephemeral, inChannel };
}
