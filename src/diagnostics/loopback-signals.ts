import type { ContainerFacts } from './facts.ts';

/** A hint that a server inside listens only on the loopback interface. */
export interface LoopbackSignal {
  source: 'cmd' | 'top' | 'log' | 'proc';
  /** The container port, when the hint names one. */
  port?: number;
  /** What was seen (already redacted). */
  text: string;
}

const LOOPBACK_HOST = String.raw`(?:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\]|::1)`;
const LOOPBACK_VALUE = new RegExp(String.raw`^(?:[a-z]+://)?${LOOPBACK_HOST}(?::(\d{1,5}))?/?$`, 'i');
/** Options that set a server's bind address. */
const BIND_FLAG = /^--?(?:host|bind|listen|address|addr|ip|b|l|http-host|server-host|bind-address|listen-address)$/i;
/** busybox httpd / php -S style: `-p 127.0.0.1:8080`, `-S localhost:8000`. */
const ADDRESS_FLAG = /^-[pS]$/;

/** Words with which a server says where it listens (`Listening on`, `Running on`, `Server at`, …). */
const SAYS_WHERE = [
  'listen(?:s|ing)?',
  'running',
  'serving',
  'started',
  'bound',
  'bind(?:ing)?',
  'server (?:is )?(?:at|on)',
  'available (?:at|on)',
].join('|');
const WILDCARD_HOST = [
  String.raw`0\.0\.0\.0`,
  String.raw`\[::\]`,
  ':::',
  'all (?:addresses|interfaces)',
  String.raw`\b(?:10|172|192)\.\d{1,3}\.\d{1,3}\.\d{1,3}\b`,
].join('|');
/** Log lines in which a server says it listens on loopback (Vite's `Local:` too). */
const LOG_LOOPBACK = new RegExp(
  String.raw`\b(?:${SAYS_WHERE}|local:)\b[^\n]{0,60}?(?:[a-z]+://)?(${LOOPBACK_HOST})(?::(\d{1,5}))?`,
  'i',
);
/** … or on every interface (Vite's `Network:` too). */
const LOG_WILDCARD = new RegExp(String.raw`\b(?:${SAYS_WHERE}|network:)\b[^\n]{0,60}?(?:${WILDCARD_HOST})`, 'i');

/**
 * Dev servers that bind 127.0.0.1 unless told otherwise, with their default port:
 * `flask run`, `manage.py runserver`, `uvicorn`, `gunicorn`, `rails server`.
 */
interface DefaultLoopback {
  matches: (words: string[]) => boolean;
  overridden: (words: string[], env: string[]) => boolean;
  port: (words: string[]) => number;
}

const has = (words: string[], ...flags: string[]) =>
  words.some((w) => flags.some((f) => w === f || w.startsWith(`${f}=`)));
const portFlag = (words: string[], fallback: number, ...flags: string[]) => {
  for (const [i, word] of words.entries()) {
    for (const flag of flags) {
      const next = words[i + 1];
      if (word === flag && next) return Number(next) || fallback;
      if (word.startsWith(`${flag}=`)) return Number(word.slice(flag.length + 1)) || fallback;
    }
  }
  return fallback;
};

const DEV_SERVERS: DefaultLoopback[] = [
  {
    matches: (w) => w.some((x, i) => /(^|\/)flask$/.test(x) && w[i + 1] === 'run'),
    overridden: (w, env) => has(w, '--host', '-h') || env.some((e) => e.startsWith('FLASK_RUN_HOST=')),
    port: (w) => portFlag(w, 5000, '--port', '-p'),
  },
  {
    matches: (w) => w.includes('runserver'),
    overridden: (w) => {
      const arg = w[w.indexOf('runserver') + 1];
      return arg !== undefined && !/^\d+$/.test(arg) && !arg.startsWith('-');
    },
    port: (w) => {
      const arg = w[w.indexOf('runserver') + 1];
      return arg && /^\d+$/.test(arg) ? Number(arg) : 8000;
    },
  },
  {
    matches: (w) => w.some((x) => /(^|\/)uvicorn$/.test(x)),
    overridden: (w, env) => has(w, '--host', '--uds', '--fd') || env.some((e) => e.startsWith('UVICORN_HOST=')),
    port: (w) => portFlag(w, 8000, '--port'),
  },
  {
    matches: (w) => w.some((x) => /(^|\/)gunicorn$/.test(x)),
    overridden: (w, env) =>
      has(w, '-b', '--bind', '-c', '--config') || env.some((e) => /^GUNICORN_CMD_ARGS=.*(-b|--bind)/.test(e)),
    port: () => 8000,
  },
  {
    matches: (w) => w.some((x, i) => /(^|\/)rails$/.test(x) && (w[i + 1] === 's' || w[i + 1] === 'server')),
    overridden: (w, env) => has(w, '-b', '--binding') || env.some((e) => e.startsWith('BINDING=')),
    port: (w) => portFlag(w, 3000, '-p', '--port'),
  },
];

/** Loopback hints in one command line (argv words). */
export function commandSignals(words: string[], env: string[], source: 'cmd' | 'top'): LoopbackSignal[] {
  const signals: LoopbackSignal[] = [];
  const text = words.join(' ');
  for (const [i, word] of words.entries()) {
    const eq = word.indexOf('=');
    const flag = eq > 0 ? word.slice(0, eq) : word;
    const inline = eq > 0 ? word.slice(eq + 1) : undefined;
    let value: string | undefined;
    if (BIND_FLAG.test(flag) || ADDRESS_FLAG.test(flag)) value = inline ?? words[i + 1];
    else if (!word.startsWith('-') && !words[i - 1]?.startsWith('-') && /:\d{1,5}$/.test(word)) value = word;
    const match = value !== undefined ? LOOPBACK_VALUE.exec(value) : null;
    if (match) signals.push({ source, ...(match[1] ? { port: Number(match[1]) } : {}), text });
  }
  if (signals.length === 0) {
    for (const server of DEV_SERVERS) {
      if (server.matches(words) && !server.overridden(words, env))
        signals.push({ source, port: server.port(words), text });
    }
  }
  return signals;
}

/** Loopback hints in log lines, unless the log also shows the server on every interface. */
export function logSignals(lines: string[]): LoopbackSignal[] {
  if (lines.some((line) => LOG_WILDCARD.test(line))) return [];
  const signals: LoopbackSignal[] = [];
  for (const line of lines) {
    const match = LOG_LOOPBACK.exec(line);
    if (match)
      signals.push({ source: 'log', ...(match[2] ? { port: Number(match[2]) } : {}), text: line.trim().slice(0, 200) });
  }
  return signals.slice(-3);
}

/** Every loopback hint the facts hold: command line, processes, log, socket table. */
export function loopbackSignals(facts: ContainerFacts): LoopbackSignal[] {
  const { container, top, logs, listeners } = facts;
  const env = container.Config.Env;
  const words = [container.Path, ...container.Args]
    .flatMap((arg) => arg.split(/\s+/))
    .map(unquote)
    .filter(Boolean);
  const signals = [...commandSignals(words, env, 'cmd')];
  const cmdColumn = top ? top.Titles.findIndex((t) => t === 'CMD' || t === 'COMMAND') : -1;
  for (const process of top && cmdColumn >= 0 ? top.Processes : []) {
    const words = (process[cmdColumn] ?? '').split(/\s+/).map(unquote).filter(Boolean);
    for (const signal of commandSignals(words, env, 'top')) {
      if (!signals.some((s) => s.text === signal.text)) signals.push(signal);
    }
  }
  signals.push(...logSignals(logs.map((l) => l.text)));
  for (const listener of listeners ?? []) {
    if (listener.loopback)
      signals.push({ source: 'proc', port: listener.port, text: `${listener.address}:${listener.port} LISTEN` });
  }
  return signals;
}

function unquote(word: string): string {
  return word.replace(/^["']+|["';]+$/g, '');
}
