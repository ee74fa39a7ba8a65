import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { openPostgres, openSqlite, resolveDatabaseTarget } from '../db/connection.mjs';
import { migrateDatabase } from '../db/migrate.mjs';
import { encodeReply } from '../lib/next-internals.mjs';
import { quantile } from './stats';

export interface WriteLoad {
  targetRate: number;
  achievedRate: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  acknowledged: number;
  stored: number;
}

interface CommentForm {
  actionId: string;
  fields: Array<[string, string]>;
}

/** The action id and signed fields of a post's comment form, read from the prerendered page. */
async function readCommentForm(pageUrl: string): Promise<CommentForm> {
  const tree = fromHtml(await (await fetch(pageUrl)).text());
  let form: Element | undefined;
  visit(tree, 'element', (node) => {
    if (!form && node.tagName === 'form' && node.properties.method === 'POST') form = node;
  });
  if (!form) throw new Error(`${pageUrl} has no comment form`);
  let actionId = '';
  const fields: Array<[string, string]> = [];
  visit(form, 'element', (node) => {
    const { type, name, value } = node.properties;
    if (node.tagName !== 'input' || type !== 'hidden' || typeof name !== 'string') return;
    if (name.startsWith('$ACTION_') && name.endsWith(':0')) actionId = (JSON.parse(String(value)) as { id: string }).id;
    else if (!name.startsWith('$ACTION')) fields.push([name, String(value ?? '')]);
  });
  if (!actionId) throw new Error(`${pageUrl}: the comment form carries no action id`);
  return { actionId, fields };
}

/** Comments whose body starts with `marker`, counted straight from the database. */
export async function countStored(databaseUrl: string, marker: string): Promise<number> {
  const target = resolveDatabaseTarget(databaseUrl);
  if (target.engine === 'sqlite') {
    const sqlite = openSqlite(target.file, { create: false });
    try {
      return (sqlite.prepare('select count(*) as n from comments where body like ?').get(`${marker}%`) as { n: number }).n;
    } finally {
      sqlite.close();
    }
  }
  const sql = openPostgres(target.url);
  try {
    const [row] = await sql`select count(*)::int as n from comments where body like ${`${marker}%`}`;
    return Number(row?.n ?? 0);
  } finally {
    await sql.end();
  }
}

export async function prepareDatabase(databaseUrl: string): Promise<void> {
  await migrateDatabase(resolveDatabaseTarget(databaseUrl));
}

/**
 * Posts valid comments through the real server action, exactly as the form does with JavaScript
 * (React's encoding, the Next-Action header), at a fixed rate for `seconds` — open loop: a slow
 * answer does not slow the sending — then waits for every answer. Each comment is unique, from its own reader's address.
 */
export async function loadCommentWrites(serverUrl: string, slug: string, rate: number, seconds: number, marker: string): Promise<Omit<WriteLoad, 'stored'>> {
  const pageUrl = `${serverUrl}/blog/${slug}`;
  const { actionId, fields } = await readCommentForm(pageUrl);
  const routerState = encodeURIComponent(JSON.stringify(['', { children: ['blog', { children: [['slug', slug, 'd'], { children: ['__PAGE__', {}] }] }] }, null, null, true]));
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  let acknowledged = 0;
  let errors = 0;

  const send = async (index: number) => {
    const form = new FormData();
    for (const [name, value] of fields) form.append(name, value);
    form.append('name', `Bench reader ${index}`);
    form.append('body', `${marker} comment ${index}: a measured thought.`);
    const body = await encodeReply([{ kind: 'idle' }, form]);
    const started = performance.now();
    try {
      const response = await fetch(pageUrl, {
        method: 'POST',
        headers: {
          'Next-Action': actionId,
          'Next-Router-State-Tree': routerState,
          Accept: 'text/x-component',
          Origin: serverUrl,
          // Readers, not one machine: each comment comes from its own address, as a proxy in front reports it.
          'X-Forwarded-For': `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
        },
        body,
      });
      const text = await response.text();
      latencies.push(performance.now() - started);
      if (response.ok && /"kind":"saved"/.test(text)) acknowledged += 1;
      else errors += 1;
    } catch {
      errors += 1;
    }
  };

  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let index = 0; index < total; index++) {
    const due = started + (index * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(send(index));
  }
  await Promise.all(inFlight);
  const elapsedSeconds = (performance.now() - started) / 1000;
  return {
    targetRate: rate,
    achievedRate: acknowledged / elapsedSeconds,
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
    errors,
    acknowledged,
  };
}
