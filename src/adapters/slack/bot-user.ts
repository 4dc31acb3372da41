import type { WebClient } from './web-clients';

/**
 * The bot's own Slack user id (auth.test), asked once per process: it never
 * changes for a token. A failed ask is forgotten so the next call asks again.
 */
export class BotUser {
  private id?: Promise<string>;

  constructor(private readonly client: WebClient) {}

  get(): Promise<string> {
    if (this.id) return this.id;
    const asked = this.client.auth.test().then((res) => {
      if (!res.user_id) throw new Error('auth.test returned no user_id');
      return res.user_id;
    });
    this.id = asked;
    asked.catch(() => {
      if (this.id === asked) this.id = undefined;
    });
    return asked;
  }
}
