/**
 * What the bot sends the emulated Discord, read once at the door (zod) as Discord reads it: a
 * body of the wrong shape is 400 Invalid Form Body; unknown fields pass through untouched, so the
 * tests see what was sent. The limits Discord checks on top are in validate.ts.
 */
import { z } from 'zod';

const SelectOption = z.looseObject({ label: z.string(), value: z.string(), description: z.string().optional() });

const Component = z.looseObject({
  type: z.number(),
  custom_id: z.string().optional(),
  label: z.string().optional(),
  style: z.number().optional(),
  emoji: z.looseObject({ name: z.string().optional() }).optional(),
  placeholder: z.string().optional(),
  options: z.array(SelectOption).optional(),
});

const ActionRow = z.looseObject({ type: z.number(), components: z.array(Component).default([]) });

const Embed = z.looseObject({
  title: z.string().optional(),
  description: z.string().optional(),
  color: z.number().optional(),
  footer: z.looseObject({ text: z.string() }).optional(),
  author: z.looseObject({ name: z.string() }).optional(),
  fields: z.array(z.looseObject({ name: z.string(), value: z.string(), inline: z.boolean().optional() })).optional(),
});

/** A message create or edit (an interaction response's `data`, a follow-up, an edit). */
export const MessageBody = z.looseObject({
  content: z.string().nullish(),
  embeds: z.array(Embed).nullish(),
  components: z.array(ActionRow).nullish(),
  attachments: z
    .array(z.looseObject({ id: z.union([z.string(), z.number()]), description: z.string().optional() }))
    .nullish(),
  flags: z.number().optional(),
  allowed_mentions: z
    .looseObject({
      parse: z.array(z.string()).optional(),
      roles: z.array(z.string()).optional(),
      users: z.array(z.string()).optional(),
    })
    .optional(),
});

const Choice = z.looseObject({ name: z.string(), value: z.union([z.string(), z.number()]) });

/** POST /interactions/:id/:token/callback. */
export const CallbackBody = z.looseObject({
  type: z.number(),
  data: MessageBody.extend({ choices: z.array(Choice).optional() }).default({}),
});

/** One command (or option, nested) of PUT …/commands. */
const Command = z.looseObject({
  name: z.string(),
  description: z.string().optional(),
  name_localizations: z.record(z.string(), z.string()).nullish(),
  description_localizations: z.record(z.string(), z.string()).nullish(),
  type: z.number().optional(),
  required: z.boolean().optional(),
  autocomplete: z.boolean().optional(),
  choices: z.array(z.looseObject({ name: z.string(), value: z.union([z.string(), z.number()]) })).optional(),
  get options() {
    return z.array(Command).optional();
  },
});

/** PUT /applications/:id[/guilds/:id]/commands. */
export const CommandsBody = z.array(Command);

/** A gateway frame from the bot. */
export const GatewayFrame = z.looseObject({ op: z.number(), d: z.unknown() });

export const Identify = z.looseObject({
  token: z.string(),
  intents: z.coerce.number(),
  shard: z.tuple([z.number(), z.number()]).optional(),
  properties: z.record(z.string(), z.string()).default({}),
  compress: z.boolean().optional(),
});

export const Resume = z.looseObject({ token: z.string(), session_id: z.string(), seq: z.number().nullish() });

export type MessageBody = z.infer<typeof MessageBody>;
export type CallbackBody = z.infer<typeof CallbackBody>;
export type GatewayFrame = z.infer<typeof GatewayFrame>;
export type Embed = z.infer<typeof Embed>;
export type ActionRow = z.infer<typeof ActionRow>;
export type CommandRegistration = z.infer<typeof Command>;
