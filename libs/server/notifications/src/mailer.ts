import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@second-look/server-platform';
import { UnrecoverableError } from 'bullmq';
import nodemailer, { Transporter } from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per effect (see messageIdFor in server-jobs), so a repeated send is the same message. */
  messageId?: string;
}

/** SMTP through nodemailer. A 5xx answer is permanent (bad address): the job must not retry it. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    if (!config.smtpUrl) throw new Error('SMTP_URL is not set: the worker cannot send e-mail. See "Configuration" in README.md.');
    this.transport = nodemailer.createTransport(config.smtpUrl);
  }

  async send(mail: OutgoingMail): Promise<void> {
    try {
      await this.transport.sendMail({ from: this.config.mailFrom, ...mail });
    } catch (e) {
      const code = (e as { responseCode?: number }).responseCode;
      if (code && code >= 500 && code < 600) throw new UnrecoverableError(`SMTP refused the message permanently (${code})`);
      // The server's answer often quotes the recipient's address, and the message becomes the
      // job's failedReason: keep the codes only (the attempt is retried).
      const kind = (e as { code?: unknown }).code;
      throw new Error(`SMTP could not take the message (${[code, typeof kind === 'string' ? kind : undefined].filter(Boolean).join(' ') || 'no code'})`);
    }
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
