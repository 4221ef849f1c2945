/**
 * JSON for people, built without recursion: an SNS message may nest thousands of levels deep, and
 * `JSON.stringify` recurses once per level (it overflows the stack near 5,000). Shallow values print exactly as
 * `JSON.stringify(value, null, 2)` does.
 */

type Container = { close: string; depth: number; keys: string[]; values: unknown[]; index: number };

export interface JsonPreviewOptions {
  maxChars: number;
  /** Containers deeper than this print as `[…]` / `{…}`. */
  maxDepth?: number;
}

/** A pretty-printed preview of `value`, at most `maxChars` long plus a line saying how much was left out. */
export function previewJson(value: unknown, options: JsonPreviewOptions): string {
  if (value === undefined) return 'undefined';
  const out = createBoundedText(options.maxChars);
  const maxDepth = options.maxDepth ?? 20;
  const stack: Container[] = [];
  const open = (child: unknown, depth: number) => {
    const container = containerOf(child, depth, maxDepth);
    if (typeof container === 'string') return out.write(container);
    out.write(container.close === ']' ? '[' : '{');
    stack.push(container);
  };
  open(value, 0);
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as Container;
    if (top.index >= top.values.length) {
      stack.pop();
      out.write(`\n${'  '.repeat(top.depth)}${top.close}`);
      continue;
    }
    const key = top.keys[top.index];
    out.write(`${top.index === 0 ? '\n' : ',\n'}${'  '.repeat(top.depth + 1)}`);
    if (key !== undefined) out.write(`${JSON.stringify(key)}: `);
    open(top.values[top.index++], top.depth + 1);
  }
  return out.text();
}

/** A container to walk, or the finished text of a leaf, an empty container or one cut off by depth. */
function containerOf(value: unknown, depth: number, maxDepth: number): Container | string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (depth >= maxDepth) return '[…]';
    return { close: ']', depth, keys: [], values: value.map((item) => item ?? null), index: 0 };
  }
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value).filter((key) => (value as Record<string, unknown>)[key] !== undefined);
    if (keys.length === 0) return '{}';
    if (depth >= maxDepth) return '{…}';
    const values = keys.map((key) => (value as Record<string, unknown>)[key]);
    return { close: '}', depth, keys, values, index: 0 };
  }
  return leafText(value);
}

function leafText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    // BigInt and friends: not JSON, but still worth showing.
    return String(value);
  }
}

/** Keeps the first `max` characters and only counts the rest, so a huge value never becomes a huge string. */
function createBoundedText(max: number) {
  const parts: string[] = [];
  let kept = 0;
  let total = 0;
  return {
    write(piece: string) {
      total += piece.length;
      if (kept >= max) return;
      const slice = piece.length <= max - kept ? piece : piece.slice(0, max - kept);
      parts.push(slice);
      kept += slice.length;
    },
    text(): string {
      const text = parts.join('');
      return total > max ? `${text}\n… (truncated, ${total - max} more characters)` : text;
    },
  };
}

/** True when `value` nests containers more than `limit` levels deep; walks iteratively and stops early. */
export function isNestedDeeperThan(value: unknown, limit: number): boolean {
  // Containers only, in two parallel stacks: leaves, the most of any payload, cost nothing to walk past.
  const containers: object[] = [];
  const depths: number[] = [];
  if (typeof value === 'object' && value !== null) {
    containers.push(value);
    depths.push(0);
  }
  while (containers.length > 0) {
    const current = containers.pop() as object;
    const depth = depths.pop() as number;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) {
      if (typeof child !== 'object' || child === null) continue;
      containers.push(child);
      depths.push(depth + 1);
    }
  }
  return false;
}
