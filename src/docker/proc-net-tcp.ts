export interface Listener {
  address: string;
  port: number;
  /** 127.0.0.0/8 or ::1: reachable only from inside the container. */
  loopback: boolean;
  /** 0.0.0.0 or :: : every interface. */
  wildcard: boolean;
}

const LISTEN = '0A';

/**
 * The listening sockets in `/proc/net/tcp` or `/proc/net/tcp6`: addresses are hex in
 * the kernel's (little-endian, per 32-bit word) byte order, ports big-endian hex.
 */
export function parseProcNetTcp(text: string): Listener[] {
  const listeners: Listener[] = [];
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 4 || fields[3] !== LISTEN) continue;
    const [hexAddress, hexPort] = (fields[1] ?? '').split(':');
    if (!hexAddress || !hexPort) continue;
    const address = hexAddress.length === 8 ? ipv4(hexAddress) : ipv6(hexAddress);
    if (address === undefined) continue;
    listeners.push({
      address,
      port: parseInt(hexPort, 16),
      loopback: address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.'),
      wildcard: address === '0.0.0.0' || address === '::',
    });
  }
  return listeners;
}

function ipv4(hex: string): string | undefined {
  if (!/^[0-9A-Fa-f]{8}$/.test(hex)) return undefined;
  const bytes = [6, 4, 2, 0].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return bytes.join('.');
}

function ipv6(hex: string): string | undefined {
  if (!/^[0-9A-Fa-f]{32}$/.test(hex)) return undefined;
  const bytes: number[] = [];
  for (let word = 0; word < 4; word++) {
    const chunk = hex.slice(word * 8, word * 8 + 8);
    bytes.push(...[6, 4, 2, 0].map((i) => parseInt(chunk.slice(i, i + 2), 16)));
  }
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) {
    return `::ffff:${bytes.slice(12).join('.')}`;
  }
  const groups = [];
  for (let i = 0; i < 16; i += 2) groups.push((((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16));
  return compressIpv6(groups);
}

function compressIpv6(groups: string[]): string {
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < groups.length;) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === '0') j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  if (bestLength < 2) return groups.join(':');
  return `${groups.slice(0, bestStart).join(':')}::${groups.slice(bestStart + bestLength).join(':')}`;
}
