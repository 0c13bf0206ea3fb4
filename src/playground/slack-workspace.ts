import { CHANNEL, SLACK_PEOPLE, type SlackPerson } from './people';

/** A message in the channel as the page shows it. Ephemeral ones carry who may see them. */
export interface ChannelMessage {
  ts: string;
  channel: string;
  text: string;
  blocks: unknown[];
  /** 'app' for the bot, else the Slack user who typed a command (the echo of a slash command). */
  from: string;
  /** Set for ephemeral messages: only this user sees them. */
  visibleTo?: string;
  threadTs?: string;
  edited: boolean;
}

/** Where a response_url leads: the channel and user of the request, and the message clicked if any. */
export interface ResponseTarget {
  channel: string;
  user: string;
  messageTs?: string;
}

/** What the emulated Slack remembers: people, the channel's messages, live response_urls. */
export class SlackWorkspace {
  readonly people: readonly SlackPerson[] = SLACK_PEOPLE;
  readonly channels = new Set<string>([CHANNEL.id]);
  readonly messages: ChannelMessage[] = [];
  readonly responseTargets = new Map<string, ResponseTarget>();
  private issued = 0;
  private readonly listeners = new Set<() => void>();

  person(id: string): SlackPerson | undefined {
    return this.people.find((p) => p.id === id);
  }

  /** Message ids as Slack writes them: "<seconds>.<6 digits>", unique and increasing. */
  nextTs(): string {
    this.issued += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.issued).padStart(6, '0')}`;
  }

  add(message: Omit<ChannelMessage, 'ts' | 'edited'>): ChannelMessage {
    const stored: ChannelMessage = { ...message, ts: this.nextTs(), edited: false };
    this.messages.push(stored);
    this.changed();
    return stored;
  }

  find(channel: string, ts: string): ChannelMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts);
  }

  replace(message: ChannelMessage, content: { text?: unknown; blocks?: unknown }): void {
    // Arguments left out keep their old value, as an edit of the text alone does in Slack.
    if (typeof content.text === 'string') message.text = content.text;
    if (Array.isArray(content.blocks)) message.blocks = content.blocks;
    message.edited = true;
    this.changed();
  }

  remove(message: ChannelMessage): void {
    this.messages.splice(this.messages.indexOf(message), 1);
    this.changed();
  }

  /** What `userId` sees: every channel message, and the ephemeral ones meant for them. */
  visibleTo(userId: string): ChannelMessage[] {
    return this.messages.filter((m) => m.visibleTo === undefined || m.visibleTo === userId);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
