/**
 * Positions in JSON text, for error messages only: the place of the first syntax error (the
 * engines' own messages differ and often give no line), and the line of the value at a data path
 * (`edges[254].target`). One iterative pass, no values built, any nesting depth.
 */

export type JsonPath = ReadonlyArray<string | number>;

interface Frame {
  kind: 'object' | 'array';
  /** Current member key or element index. */
  key: string | number;
  /** Expecting: a key (objects), a value, or a comma/closer. */
  state: 'key-or-end' | 'key' | 'colon' | 'value-or-end' | 'value' | 'comma-or-end';
}

export interface JsonWalkError {
  offset: number;
  message: string;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * Walks `text` as JSON, calling `visit(path, offset)` at the start of every value; stops when it
 * returns true. Returns the first syntax error, or null.
 */
export function walkJson(text: string, visit: (path: ReadonlyArray<string | number>, offset: number) => boolean = () => false): JsonWalkError | null {
  const stack: Frame[] = [];
  const path: Array<string | number> = [];
  let i = 0;
  const n = text.length;
  const skip = () => {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
  };
  const err = (message: string): JsonWalkError => ({ offset: Math.min(i, n), message });
  /** Reads a string starting at text[i] === '"'; returns it, or an error. */
  const readString = (): string | JsonWalkError => {
    const start = ++i;
    let out = '';
    let plain = true;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        const s = plain ? text.slice(start, i) : out;
        i++;
        return s;
      }
      if (c < 0x20) return err('a control character (e.g. a raw line break) inside a string; write it as \\n');
      if (c === 0x5c) {
        if (plain) out = text.slice(start, i);
        plain = false;
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return err('a \\u escape needs four hex digits');
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          out += e;
          i += 2;
        } else return err(`an unknown escape "\\${e ?? ''}" in a string`);
        continue;
      }
      if (!plain) out += text[i];
      i++;
    }
    return err('a string is not closed (missing ")');
  };
  const readScalar = (): JsonWalkError | null => {
    const rest = text.slice(i, i + 5);
    if (rest.startsWith('true')) i += 4;
    else if (rest.startsWith('false')) i += 5;
    else if (rest.startsWith('null')) i += 4;
    else {
      const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
      if (!m) {
        const ch = text[i];
        if (ch === "'") return err('strings must use double quotes (")');
        if (ch === ']' || ch === '}') return err(`"${ch}" where a value was expected (a trailing comma?)`);
        return err(ch === undefined ? 'the text ends where a value was expected: it looks truncated' : `unexpected "${ch}" where a value was expected`);
      }
      i += m[0].length;
    }
    return null;
  };
  /** Reads one value at text[i]; containers push a frame. */
  const readValue = (): JsonWalkError | null | 'stop' => {
    skip();
    if (visit(path, i)) return 'stop';
    const ch = text[i];
    if (ch === '{') {
      i++;
      stack.push({ kind: 'object', key: '', state: 'key-or-end' });
      path.push('');
      return null;
    }
    if (ch === '[') {
      i++;
      stack.push({ kind: 'array', key: 0, state: 'value-or-end' });
      path.push(0);
      return null;
    }
    if (ch === '"') {
      const s = readString();
      return typeof s === 'string' ? null : s;
    }
    return readScalar();
  };

  const first = readValue();
  if (first === 'stop') return null;
  if (first) return first;
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    skip();
    const ch = text[i];
    if (ch === undefined) return err(`the text ends inside ${top.kind === 'object' ? 'an object (missing "}")' : 'a list (missing "]")'}: it looks truncated`);
    if (top.kind === 'object') {
      if (top.state === 'key-or-end' || top.state === 'key') {
        if (ch === '}' && top.state === 'key-or-end') {
          i++;
          stack.pop();
          path.pop();
          continue;
        }
        if (ch !== '"') return err(ch === '}' ? 'a trailing comma before "}"' : `expected a key in double quotes, found "${ch}"`);
        const key = readString();
        if (typeof key !== 'string') return key;
        top.key = key;
        path[path.length - 1] = key;
        top.state = 'colon';
      } else if (top.state === 'colon') {
        if (ch !== ':') return err(`expected ":" after the key "${String(top.key)}", found "${ch}"`);
        i++;
        top.state = 'comma-or-end';
        const r = readValue();
        if (r === 'stop') return null;
        if (r) return r;
      } else {
        if (ch === ',') {
          i++;
          top.state = 'key';
        } else if (ch === '}') {
          i++;
          stack.pop();
          path.pop();
        } else return err(`expected "," or "}" after a value in an object, found "${ch}"`);
        continue;
      }
    } else {
      if (top.state === 'value-or-end' || top.state === 'value') {
        if (ch === ']' && top.state === 'value-or-end') {
          i++;
          stack.pop();
          path.pop();
          continue;
        }
        path[path.length - 1] = top.key;
        top.state = 'comma-or-end';
        const r = readValue();
        if (r === 'stop') return null;
        if (r) return r;
      } else {
        if (ch === ',') {
          i++;
          top.key = (top.key as number) + 1;
          top.state = 'value';
        } else if (ch === ']') {
          i++;
          stack.pop();
          path.pop();
        } else return err(`expected "," or "]" after a list element, found "${ch}"`);
        continue;
      }
    }
  }
  skip();
  if (i < n) return err(`unexpected "${text[i]}" after the end of the JSON value`);
  return null;
}

/** Offset of the value at `target` in `text`, or -1 when it is not there. */
export function locateJsonPath(text: string, target: JsonPath): number {
  let found = -1;
  walkJson(text, (path, offset) => {
    if (path.length !== target.length) return false;
    for (let k = 0; k < path.length; k++) if (path[k] !== target[k]) return false;
    found = offset;
    return true;
  });
  return found;
}
