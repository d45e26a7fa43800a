// Sending a query to the endpoint, and what the runner reads from a query's text.

/** The text with comments, strings and IRIs blanked out, for finding keywords. */
export function skeleton(query) {
  let out = '';
  for (let i = 0; i < query.length; i++) {
    const c = query[i];
    if (c === '#') {
      while (i < query.length && query[i] !== '\n') i++;
      out += '\n';
    } else if (c === '"' || c === "'") {
      const long = query.startsWith(c.repeat(3), i);
      const end = long ? c.repeat(3) : c;
      i += end.length;
      while (i < query.length && !query.startsWith(end, i)) i += query[i] === '\\' ? 2 : 1;
      i += end.length - 1;
      out += ' "" ';
    } else if (c === '<' && /^<[^\s<>"{}|^`\\]*>/.test(query.slice(i, i + 4096))) {
      i = query.indexOf('>', i);
      out += ' <> ';
    } else {
      out += c;
    }
  }
  return out;
}

/** Whether the query declares its own BASE. */
export function hasBase(query) {
  return /(^|\s)BASE\s*</i.test(skeleton(query).replace(/<>/g, '<x>'));
}

/**
 * The variables of the query's top-level ORDER BY, or undefined when it has
 * none (an ORDER BY inside a sub-query orders nothing outside it).
 */
export function orderKeys(query) {
  const text = skeleton(query);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}') depth--;
    else if (depth === 0 && /^ORDER\s+BY\b/i.test(text.slice(i, i + 20)) && /\W/.test(text[i - 1] ?? ' ')) {
      const rest = text.slice(i).replace(/^ORDER\s+BY/i, '');
      const clause = rest.split(/\b(LIMIT|OFFSET|VALUES)\b/i)[0];
      return [...clause.matchAll(/[?$]([A-Za-z0-9_\u00B7-\uFFFF]+)/g)].map((m) => m[1]);
    }
  }
  return undefined;
}

/** The first line of an error body, trimmed. */
export function firstLine(text) {
  return (text ?? '').trim().split('\n')[0].slice(0, 300);
}

/**
 * Sends a query by GET (or by POST as application/sparql-query when long).
 * Resolves with { status, contentType, text }; rejects on a network error or timeout.
 */
export async function sendQuery(endpoint, query, accept, timeoutMs) {
  const signal = AbortSignal.timeout(timeoutMs);
  const headers = { Accept: accept };
  let response;
  if (Buffer.byteLength(query) > 2000) {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/sparql-query' },
      body: query,
      signal,
    });
  } else {
    response = await fetch(`${endpoint}?query=${encodeURIComponent(query)}`, { headers, signal });
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    text: await response.text(),
  };
}

/** A refusal names what is unsupported (or why the query is not run). */
export const REFUSAL = /not supported|does not support|not accepted|refused|cannot run|read-only|not hostable/i;
