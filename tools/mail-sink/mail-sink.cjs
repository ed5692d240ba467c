// @ts-check
// A real SMTP server on loopback that keeps what it receives, so dev (`npm start`) and the
// e2e journeys can read the e-mails the worker sends (invitations, reminders) and follow
// their links. Optionally it also answers on a small loopback HTTP endpoint, which is how
// Playwright's worker processes read messages held by the runner process:
//   GET    /messages                      all messages, oldest first
//   GET    /messages/wait?to=ADDR&timeout=MS   the first message to ADDR (waits for it)
//   DELETE /messages                      forget everything
//   POST   /refused?to=ADDR[&code=550]    refuse mail to ADDR at RCPT TO, as a real server
//                                         refuses an unknown mailbox (5xx: permanent)
//   DELETE /refused?to=ADDR               accept ADDR again (no `to`: accept everyone)
'use strict';

const http = require('node:http');
const { SMTPServer } = require('smtp-server');
const { simpleParser } = require('mailparser');

/**
 * @typedef {{ id: number, to: string[], from: string, subject: string, text: string, html: string,
 *   links: string[], receivedAt: string, messageId: string }} SinkMessage
 */

/** Turns `&amp;` and friends in an href back into the URL the user would open. */
function decodeEntities(value) {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/**
 * Every http(s) URL in the text and HTML bodies, in order of appearance, without duplicates.
 * @param {string} text
 * @param {string} html
 */
function extractLinks(text, html) {
  /** @type {string[]} */
  const found = [];
  for (const match of html.matchAll(/\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) found.push(decodeEntities(match[1] ?? match[2]));
  const bare = /https?:\/\/[^\s<>"'()\[\]]+/gi;
  for (const match of text.matchAll(bare)) found.push(match[0]);
  for (const match of html.matchAll(bare)) found.push(decodeEntities(match[0]));
  const links = found.map((link) => link.trim().replace(/[.,;:!?]+$/, '')).filter((link) => /^https?:\/\//i.test(link));
  return [...new Set(links)];
}

/** @param {import('mailparser').AddressObject | import('mailparser').AddressObject[] | undefined} field */
function addresses(field) {
  if (!field) return [];
  const list = Array.isArray(field) ? field : [field];
  return list.flatMap((group) => group.value.map((entry) => (entry.address || '').toLowerCase())).filter(Boolean);
}

/**
 * @param {{ port?: number, host?: string, httpPort?: number | false,
 *   onMessage?: (message: SinkMessage) => void }} [options]
 *   `httpPort`: a port for the JSON endpoint (0 = any free port); leave unset for none.
 */
async function startMailSink(options = {}) {
  const host = options.host || '127.0.0.1';
  /** @type {SinkMessage[]} */
  const messages = [];
  /** @type {Set<() => void>} */
  const waiters = new Set();
  /** Addresses refused at RCPT TO, with the reply code. @type {Map<string, number>} */
  const refused = new Map();
  let nextId = 1;

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    hideSTARTTLS: true,
    logger: false,
    size: 25 * 1024 * 1024,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'sink' }); // accept any credentials: SMTP_URL may carry some
    },
    onRcptTo(address, _session, callback) {
      const code = refused.get((address.address || '').toLowerCase());
      if (!code) return callback();
      const error = /** @type {Error & { responseCode?: number }} */ (new Error(`<${address.address}>: mailbox unavailable (refused on request)`));
      error.responseCode = code;
      callback(error);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const envelopeTo = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
          const text = parsed.text || '';
          const html = typeof parsed.html === 'string' ? parsed.html : '';
          /** @type {SinkMessage} */
          const message = {
            id: nextId++,
            to: [...new Set([...envelopeTo, ...addresses(parsed.to), ...addresses(parsed.cc)])],
            from: (parsed.from && parsed.from.value[0] && parsed.from.value[0].address) || (session.envelope.mailFrom || {}).address || '',
            subject: parsed.subject || '',
            messageId: parsed.messageId || '',
            text,
            html,
            links: extractLinks(text, html),
            receivedAt: new Date().toISOString(),
          };
          messages.push(message);
          for (const wake of [...waiters]) wake();
          if (options.onMessage) {
            try {
              options.onMessage(message);
            } catch (error) {
              process.stderr.write(`[mail-sink] onMessage failed: ${error}\n`);
            }
          }
          callback();
        })
        .catch((error) => callback(error));
    },
  });
  server.on('error', (error) => process.stderr.write(`[mail-sink] ${error}\n`));

  await new Promise((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port || 0, host, () => resolve(undefined));
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  /**
   * Resolves with the first message (already received or still to come) that matches.
   * @param {(message: SinkMessage) => boolean} predicate
   * @param {number} [timeoutMs]
   * @returns {Promise<SinkMessage>}
   */
  function waitFor(predicate, timeoutMs = 10000) {
    const existing = messages.find(predicate);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const wake = () => {
        const found = messages.find(predicate);
        if (found) {
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(wake);
        const seen = messages.map((m) => `  - to ${m.to.join(', ')}: "${m.subject}"`).join('\n') || '  (none)';
        reject(new Error(`No matching e-mail arrived within ${timeoutMs} ms. Received so far:\n${seen}`));
      }, timeoutMs);
      waiters.add(wake);
    });
  }

  /** @type {http.Server | null} */
  let httpServer = null;
  let httpUrl = '';
  if (options.httpPort !== undefined && options.httpPort !== false) {
    httpServer = http.createServer((req, res) => {
      const url = new URL(req.url || '/', 'http://sink');
      const send = (status, body) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'DELETE' && url.pathname === '/messages') {
        messages.length = 0;
        return send(200, { ok: true });
      }
      if (req.method === 'GET' && url.pathname === '/messages') return send(200, messages);
      if (url.pathname === '/refused' && (req.method === 'POST' || req.method === 'DELETE')) {
        const to = (url.searchParams.get('to') || '').toLowerCase();
        if (req.method === 'DELETE') {
          if (to) refused.delete(to);
          else refused.clear();
          return send(200, { refused: [...refused.keys()] });
        }
        const code = Number(url.searchParams.get('code') || 550);
        if (!to || !Number.isInteger(code) || code < 400 || code > 599) return send(400, { error: 'give ?to=ADDR and optionally &code=4xx|5xx' });
        refused.set(to, code);
        return send(200, { refused: [...refused.keys()] });
      }
      if (req.method === 'GET' && url.pathname === '/messages/wait') {
        const to = (url.searchParams.get('to') || '').toLowerCase();
        const subject = url.searchParams.get('subject') || '';
        const after = Number(url.searchParams.get('after') || 0);
        const timeout = Math.min(Number(url.searchParams.get('timeout') || 10000), 120000);
        waitFor((m) => m.id > after && (!to || m.to.includes(to)) && (!subject || m.subject.includes(subject)), timeout)
          .then((message) => send(200, message))
          .catch((error) => send(404, { error: error.message }));
        return;
      }
      send(404, { error: 'unknown path' });
    });
    await new Promise((resolve, reject) => {
      httpServer?.once('error', reject);
      httpServer?.listen(options.httpPort || 0, host, () => resolve(undefined));
    });
    const httpAddress = httpServer.address();
    httpUrl = `http://${host}:${typeof httpAddress === 'object' && httpAddress ? httpAddress.port : 0}`;
  }

  return {
    port,
    url: `smtp://${host}:${port}`,
    /** the JSON endpoint, '' unless `httpPort` was given */
    httpUrl,
    messages,
    waitFor,
    clear() {
      messages.length = 0;
    },
    /** Refuse mail to `address` at RCPT TO with `code` (550: mailbox unavailable, permanent). */
    refuse(address, code = 550) {
      refused.set(address.toLowerCase(), code);
    },
    /** Accept mail to `address` again (no address: to everyone). */
    accept(address) {
      if (address) refused.delete(address.toLowerCase());
      else refused.clear();
    },
    close() {
      return Promise.all([
        new Promise((resolve) => server.close(() => resolve(undefined))),
        httpServer
          ? new Promise((resolve) => {
              httpServer?.closeAllConnections();
              httpServer?.close(() => resolve(undefined));
            })
          : undefined,
      ]).then(() => undefined);
    },
  };
}

module.exports = { startMailSink, extractLinks };
