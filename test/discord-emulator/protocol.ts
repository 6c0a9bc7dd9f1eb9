/** The numbers of Discord's API v10, spelled out so the emulator does not borrow them from discord.js. */
export const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  Resume: 6,
  Reconnect: 7,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

export const CloseCode = { AuthenticationFailed: 4004, InvalidIntents: 4013, DisallowedIntents: 4014 } as const;

export const InteractionType = { ApplicationCommand: 2, MessageComponent: 3, Autocomplete: 4 } as const;

export const CallbackType = {
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredUpdateMessage: 6,
  UpdateMessage: 7,
  AutocompleteResult: 8,
} as const;

export const OptionType = {
  Subcommand: 1,
  SubcommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  Number: 10,
  Attachment: 11,
} as const;

export const ComponentType = { ActionRow: 1, Button: 2, StringSelect: 3 } as const;

export const MessageFlag = { Ephemeral: 64 } as const;

/** Privileged intents: GuildPresences, GuildMembers, MessageContent. */
export const PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);

/** Discord's JSON error codes the emulator answers with. */
export const ErrorCode = {
  UnknownChannel: 10003,
  UnknownWebhook: 10015,
  UnknownInteraction: 10062,
  Unauthorized: 40001,
  AlreadyAcknowledged: 40060,
  InvalidFormBody: 50035,
} as const;
