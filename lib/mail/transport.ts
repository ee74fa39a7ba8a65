import 'server-only';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import type { OutboxMail } from '@/lib/comments/comment-store';
import type { MailSettings } from './settings';

// Short: sending runs after the response, but a hung server must not hold an instance (or a serverless function) for long.
const timeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

const processWide = globalThis as typeof globalThis & { folioMailTransports?: Map<string, Transporter> };

function getTransport(smtpUrl: string): Transporter {
  processWide.folioMailTransports ??= new Map();
  let transport = processWide.folioMailTransports.get(smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport({ url: smtpUrl, ...timeouts });
    processWide.folioMailTransports.set(smtpUrl, transport);
  }
  return transport;
}

type StoredMessage = Pick<OutboxMail, 'recipient' | 'subject' | 'text' | 'html' | 'headers'>;

/** What nodemailer is given for an outbox message. */
export function toMailOptions(from: string, mail: StoredMessage): SendMailOptions {
  return {
    from,
    to: mail.recipient,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: JSON.parse(mail.headers) as Record<string, string>,
  };
}

/** Hands one outbox message to the SMTP server; throws what the server or the connection said. */
export async function sendOutboxMail(settings: MailSettings, mail: StoredMessage): Promise<void> {
  await getTransport(settings.smtpUrl).sendMail(toMailOptions(settings.from, mail));
}
