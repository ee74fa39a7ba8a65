import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message as the SMTP server received it: who the client named in the envelope, and the parsed message. */
export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  raw: string;
  parsed: ParsedMail;
}

export interface SmtpSink {
  /** SMTP_URL for Folio, with the credentials this server insists on. */
  url: string;
  received: ReceivedMail[];
  /** The first message, received or still to come, for which `match` holds. */
  waitFor(match: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  /** How many of the next recipients to refuse with a temporary failure (451), as a server in trouble does. */
  refuseRecipients: number;
  close(): Promise<void>;
}

const user = 'folio';
const password = 'smtp-test-password';

export const recipientsOf = (mail: ReceivedMail) => mail.envelope.to;
export const addressesIn = (field: AddressObject | AddressObject[] | undefined) =>
  [field ?? []].flat().flatMap((object) => object.value.map((entry) => entry.address));

/** A real SMTP server on a free port of 127.0.0.1 that keeps what it is sent; no TLS, login required. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const waiting = new Set<() => void>();
  const sink: SmtpSink = {
    url: '',
    received: [],
    refuseRecipients: 0,
    waitFor(match, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = sink.received.find(match);
          if (!found) return;
          waiting.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`No matching mail within ${timeoutMs} ms; received: ${sink.received.map((mail) => mail.parsed.subject).join(' | ') || 'nothing'}`));
        }, timeoutMs);
        waiting.add(check);
        check();
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) callback(null, { user });
      else callback(new Error('Invalid username or password'));
    },
    onRcptTo(_address, _session, callback) {
      if (sink.refuseRecipients <= 0) return callback();
      sink.refuseRecipients -= 1;
      callback(Object.assign(new Error('Mailbox temporarily unavailable'), { responseCode: 451 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        sink.received.push({ envelope: { from, to: session.envelope.rcptTo.map((rcpt) => rcpt.address) }, raw, parsed: await simpleParser(raw) });
        for (const check of [...waiting]) check();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('The SMTP server has no port');
  sink.url = `smtp://${user}:${password}@127.0.0.1:${address.port}`;
  return sink;
}
