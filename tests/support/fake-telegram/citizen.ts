/**
 * A person writing to the bot through the fake Bot API: each action enqueues the update Telegram would send.
 */
import type { Update } from 'grammy/types';
import type { FakeBotApi, FakeMessage } from './fake-bot-api.js';

export interface CitizenOptions {
  id: number;
  firstName?: string;
  languageCode?: string;
}

export type MediaKind =
  | 'sticker'
  | 'photo'
  | 'voice'
  | 'video'
  | 'video_note'
  | 'audio'
  | 'document'
  | 'animation'
  | 'poll';

const file = (id: string) => ({ file_id: id, file_unique_id: `${id}-u` });

const MEDIA: Record<MediaKind, Record<string, unknown>> = {
  sticker: {
    sticker: { ...file('st'), type: 'regular', width: 512, height: 512, is_animated: false, is_video: false },
  },
  photo: { photo: [{ ...file('ph'), width: 90, height: 90 }] },
  voice: { voice: { ...file('vo'), duration: 3 } },
  video: { video: { ...file('vi'), width: 640, height: 480, duration: 3 } },
  video_note: { video_note: { ...file('vn'), length: 240, duration: 3 } },
  audio: { audio: { ...file('au'), duration: 3 } },
  document: { document: file('do') },
  animation: { animation: { ...file('an'), width: 320, height: 240, duration: 2 }, document: file('an-doc') },
  poll: {
    poll: {
      id: 'p1',
      question: 'Да или нет?',
      options: [],
      total_voter_count: 0,
      is_closed: false,
      is_anonymous: true,
      type: 'regular',
      allows_multiple_answers: false,
    },
  },
};

let nextIncomingMessageId = 900_000;

export class Citizen {
  constructor(
    private readonly api: FakeBotApi,
    readonly options: CitizenOptions,
  ) {}

  get id(): number {
    return this.options.id;
  }

  get user() {
    return {
      id: this.options.id,
      is_bot: false,
      first_name: this.options.firstName ?? 'Анна',
      ...(this.options.languageCode ? { language_code: this.options.languageCode } : {}),
    };
  }

  private message(content: Record<string, unknown>, chat?: Record<string, unknown>) {
    return {
      message_id: nextIncomingMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: chat ?? { id: this.options.id, type: 'private', first_name: this.user.first_name },
      from: this.user,
      ...content,
    };
  }

  /** The update without sending it (to post to a webhook yourself). */
  textUpdate(text: string, updateId: number): Update {
    return { update_id: updateId, message: this.message({ text }) } as unknown as Update;
  }

  sendText(text: string): Update {
    return this.api.enqueue({ message: this.message({ text }) });
  }

  /** Commands are text starting with "/" (Telegram adds a bot_command entity). */
  sendCommand(command: string): Update {
    const name = command.split(/\s/)[0]!;
    return this.api.enqueue({
      message: this.message({
        text: command,
        entities: [{ type: 'bot_command', offset: 0, length: name.length }],
      }),
    });
  }

  shareLocation(latitude: number, longitude: number): Update {
    return this.api.enqueue({ message: this.message({ location: { latitude, longitude } }) });
  }

  shareContact(phoneNumber: string): Update {
    return this.api.enqueue({
      message: this.message({
        contact: { phone_number: phoneNumber, first_name: this.user.first_name, user_id: this.options.id },
      }),
    });
  }

  sendMedia(kind: MediaKind): Update {
    return this.api.enqueue({ message: this.message(MEDIA[kind]) });
  }

  /** Presses the button with `data` under one of the bot's messages (by default its latest with that button). */
  press(data: string, message?: FakeMessage): Update {
    const source = message ?? this.latestWithButton(data);
    if (!source) throw new Error(`no message in chat ${this.id} has a button with data "${data}"`);
    return this.api.enqueue({
      callback_query: {
        id: `cq-${Math.random().toString(36).slice(2)}`,
        from: this.user,
        chat_instance: `ci-${this.id}`,
        data,
        message: {
          message_id: source.message_id,
          date: Math.floor(Date.now() / 1000),
          chat: { id: this.id, type: 'private', first_name: this.user.first_name },
          text: source.text,
        },
      },
    });
  }

  /** The same person writing in a group the bot is in. */
  sendInGroup(text: string, groupId = -100_123): Update {
    return this.api.enqueue({
      message: this.message({ text }, { id: groupId, type: 'group', title: 'Соседи' }),
    });
  }

  /** Corrects an earlier message (Telegram sends edited_message). */
  editText(text: string): Update {
    return this.api.enqueue({
      edited_message: { ...this.message({ text }), edit_date: Math.floor(Date.now() / 1000) },
    });
  }

  private latestWithButton(data: string): FakeMessage | undefined {
    return this.api
      .messagesIn(this.id)
      .reverse()
      .find((m) => {
        const rows = (m.replyMarkup?.inline_keyboard ?? []) as { callback_data?: string }[][];
        return rows.flat().some((b) => b.callback_data === data);
      });
  }
}
