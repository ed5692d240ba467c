// Types for mail-sink.cjs.

export interface SinkMessage {
  id: number;
  /** lower-cased recipients (envelope, To and Cc) */
  to: string[];
  from: string;
  subject: string;
  /** the Message-ID header (a repeated send of one effect carries the same one) */
  messageId: string;
  text: string;
  html: string;
  /** every http(s) URL found in the text and HTML bodies, in order, without duplicates */
  links: string[];
  receivedAt: string;
}

export interface MailSink {
  port: number;
  /** smtp://127.0.0.1:PORT */
  url: string;
  /** http://127.0.0.1:PORT of the JSON endpoint, '' unless `httpPort` was given */
  httpUrl: string;
  messages: SinkMessage[];
  waitFor(predicate: (message: SinkMessage) => boolean, timeoutMs?: number): Promise<SinkMessage>;
  clear(): void;
  /** Refuse mail to `address` at RCPT TO with `code` (default 550, mailbox unavailable: permanent). */
  refuse(address: string, code?: number): void;
  /** Accept mail to `address` again (no address: to everyone). */
  accept(address?: string): void;
  close(): Promise<void>;
}

export function startMailSink(options?: { port?: number; host?: string; httpPort?: number | false; onMessage?: (message: SinkMessage) => void }): Promise<MailSink>;

export function extractLinks(text: string, html: string): string[];
