import type { CallbackBody, CommandRegistration, MessageBody } from './bodies.ts';

/**
 * The checks Discord makes on a message body before accepting it; a violation gets
 * 400 Invalid Form Body, as from the real API, so limit bugs fail the test where they happen.
 */
export function messageProblems(body: MessageBody): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, message: string) => {
    if (!ok) problems.push(message);
  };
  if (typeof body.content === 'string') check(body.content.length <= 2000, `content: ${body.content.length} > 2000`);
  const embeds = body.embeds ?? [];
  check(embeds.length <= 10, `embeds: ${embeds.length} > 10`);
  let total = 0;
  embeds.forEach((embed, i) => {
    const at = `embeds[${i}]`;
    const title = embed.title ?? '';
    const description = embed.description ?? '';
    const footer = embed.footer?.text ?? '';
    check(title.length <= 256, `${at}.title: ${title.length} > 256`);
    check(description.length <= 4096, `${at}.description: ${description.length} > 4096`);
    check(footer.length <= 2048, `${at}.footer.text: ${footer.length} > 2048`);
    const fields = embed.fields ?? [];
    check(fields.length <= 25, `${at}.fields: ${fields.length} > 25`);
    total += title.length + description.length + footer.length + (embed.author?.name.length ?? 0);
    fields.forEach((field, j) => {
      check(field.name.length >= 1 && field.name.length <= 256, `${at}.fields[${j}].name: length ${field.name.length}`);
      check(
        field.value.length >= 1 && field.value.length <= 1024,
        `${at}.fields[${j}].value: length ${field.value.length}`,
      );
      total += field.name.length + field.value.length;
    });
  });
  check(total <= 6000, `embeds: ${total} characters in total > 6000`);
  const rows = body.components ?? [];
  check(rows.length <= 5, `components: ${rows.length} rows > 5`);
  rows.forEach((row, i) => {
    check(row.type === 1, `components[${i}]: not an action row`);
    const items = row.components;
    check(items.length >= 1 && items.length <= 5, `components[${i}]: ${items.length} components`);
    if (items.some((c) => c.type !== 2))
      check(items.length === 1, `components[${i}]: a select menu must be alone in its row`);
    for (const c of items) {
      if (c.custom_id !== undefined)
        check(c.custom_id.length >= 1 && c.custom_id.length <= 100, `custom_id length ${c.custom_id.length}`);
      if (c.type === 2) check((c.label ?? '').length <= 80, `button label ${c.label?.length ?? 0} > 80`);
      if (c.type === 3) {
        const options = c.options ?? [];
        check(options.length >= 1 && options.length <= 25, `select options: ${options.length}`);
        check((c.placeholder ?? '').length <= 150, `placeholder ${c.placeholder?.length ?? 0} > 150`);
        for (const o of options) {
          check(
            o.label.length <= 100 && o.value.length <= 100 && (o.description ?? '').length <= 100,
            `select option too long: ${o.label}`,
          );
        }
      }
    }
  });
  const attachments = body.attachments ?? [];
  check(attachments.length <= 10, `attachments: ${attachments.length} > 10`);
  return problems;
}

export function choiceProblems(body: CallbackBody['data']): string[] {
  const choices = body.choices ?? [];
  const problems: string[] = [];
  if (choices.length > 25) problems.push(`choices: ${choices.length} > 25`);
  choices.forEach((c, i) => {
    if (c.name.length < 1 || c.name.length > 100) problems.push(`choices[${i}].name: length ${c.name.length}`);
    if (typeof c.value === 'string' && c.value.length > 100)
      problems.push(`choices[${i}].value: length ${c.value.length}`);
  });
  return problems;
}

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

/** The registration rules Discord applies (names, description lengths, option order, choices). */
export function registrationProblems(command: CommandRegistration, at: string): string[] {
  const problems: string[] = [];
  if (!NAME.test(command.name) || command.name !== command.name.toLowerCase())
    problems.push(`${at}.name: ${command.name}`);
  for (const [locale, name] of Object.entries(command.name_localizations ?? {})) {
    if (!NAME.test(name)) problems.push(`${at}.name_localizations.${locale}: ${name}`);
  }
  const description = command.description ?? '';
  if (description.length < 1 || description.length > 100)
    problems.push(`${at}.description: length ${description.length}`);
  for (const [locale, text] of Object.entries(command.description_localizations ?? {})) {
    if (text.length < 1 || text.length > 100) problems.push(`${at}.description_localizations.${locale}`);
  }
  const options = command.options ?? [];
  if (options.length > 25) problems.push(`${at}.options: more than 25`);
  let optionalSeen = false;
  options.forEach((option, i) => {
    problems.push(...registrationProblems(option, `${at}.options.${i}`));
    if ((option.type ?? 0) > 2) {
      if (option.required && optionalSeen) problems.push(`${at}.options.${i}: required after optional`);
      if (!option.required) optionalSeen = true;
    }
    if ((option.choices?.length ?? 0) > 25) problems.push(`${at}.options.${i}.choices: more than 25`);
    if (option.autocomplete && option.choices?.length) problems.push(`${at}.options.${i}: autocomplete with choices`);
  });
  return problems;
}
