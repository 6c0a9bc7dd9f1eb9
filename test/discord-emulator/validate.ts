/**
 * The checks Discord makes on a message body before accepting it; a violation gets
 * 400 Invalid Form Body, as from the real API, so limit bugs fail the test where they happen.
 */
export function messageProblems(body: Record<string, any>): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, message: string) => {
    if (!ok) problems.push(message);
  };
  if (typeof body.content === 'string') check(body.content.length <= 2000, `content: ${body.content.length} > 2000`);
  const embeds: any[] = body.embeds ?? [];
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
    const fields: any[] = embed.fields ?? [];
    check(fields.length <= 25, `${at}.fields: ${fields.length} > 25`);
    total += title.length + description.length + footer.length + (embed.author?.name?.length ?? 0);
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
  const rows: any[] = body.components ?? [];
  check(rows.length <= 5, `components: ${rows.length} rows > 5`);
  rows.forEach((row, i) => {
    check(row.type === 1, `components[${i}]: not an action row`);
    const items: any[] = row.components ?? [];
    check(items.length >= 1 && items.length <= 5, `components[${i}]: ${items.length} components`);
    if (items.some((c) => c.type !== 2))
      check(items.length === 1, `components[${i}]: a select menu must be alone in its row`);
    for (const c of items) {
      if (c.custom_id !== undefined)
        check(c.custom_id.length >= 1 && c.custom_id.length <= 100, `custom_id length ${c.custom_id.length}`);
      if (c.type === 2) check((c.label ?? '').length <= 80, `button label ${c.label?.length} > 80`);
      if (c.type === 3) {
        check(c.options.length >= 1 && c.options.length <= 25, `select options: ${c.options.length}`);
        check((c.placeholder ?? '').length <= 150, `placeholder ${c.placeholder?.length} > 150`);
        for (const o of c.options) {
          check(
            o.label.length <= 100 && o.value.length <= 100 && (o.description ?? '').length <= 100,
            `select option too long: ${o.label}`,
          );
        }
      }
    }
  });
  const attachments: any[] = body.attachments ?? [];
  check(attachments.length <= 10, `attachments: ${attachments.length} > 10`);
  return problems;
}

export function choiceProblems(body: Record<string, any>): string[] {
  const choices: any[] = body.choices ?? [];
  const problems: string[] = [];
  if (choices.length > 25) problems.push(`choices: ${choices.length} > 25`);
  choices.forEach((c, i) => {
    if (typeof c.name !== 'string' || c.name.length < 1 || c.name.length > 100)
      problems.push(`choices[${i}].name: length ${c.name?.length}`);
    if (typeof c.value === 'string' && c.value.length > 100)
      problems.push(`choices[${i}].value: length ${c.value.length}`);
  });
  return problems;
}
