import nodemailer from 'nodemailer';
import { extractLinks, startMailSink, type MailSink, type SinkMessage } from './mail-sink.cjs';

describe('mail sink', () => {
  let sink: MailSink;
  const seen: SinkMessage[] = [];

  beforeAll(async () => {
    sink = await startMailSink({ httpPort: 0, onMessage: (message) => seen.push(message) });
  });
  afterAll(() => sink.close());

  it('receives over real SMTP and reads the invitation link back', async () => {
    const transport = nodemailer.createTransport(sink.url);
    const link = 'http://127.0.0.1:3000/invitations/accept?token=abc123&case=42';
    await transport.sendMail({
      from: 'Second Look <no-reply@second-look.test>',
      to: 'Pat.Patient@example.org',
      subject: 'You have been invited to a case',
      text: `Open ${link} to join.`,
      html: `<p><a href="${link.replace('&', '&amp;')}">Join the case</a></p>`,
    });
    transport.close();

    const message = await sink.waitFor((m) => m.to.includes('pat.patient@example.org'), 5000);
    expect(message.subject).toBe('You have been invited to a case');
    expect(message.from).toBe('no-reply@second-look.test');
    expect(message.links).toEqual([link]);
    expect(seen).toHaveLength(1);
  });

  it('serves messages to other processes over its JSON endpoint', async () => {
    const waiting = fetch(`${sink.httpUrl}/messages/wait?to=late@example.org&timeout=5000`);
    const transport = nodemailer.createTransport(sink.url);
    await transport.sendMail({ from: 'a@example.org', to: 'late@example.org', subject: 'Late', text: 'see https://example.org/x.' });
    transport.close();
    const message = (await (await waiting).json()) as SinkMessage;
    expect(message.links).toEqual(['https://example.org/x']);

    const none = await fetch(`${sink.httpUrl}/messages/wait?to=nobody@example.org&timeout=50`);
    expect(none.status).toBe(404);
  });

  it('refuses an address at RCPT TO when told to (a permanent 5xx, as for an unknown mailbox), and accepts it again', async () => {
    const refuse = await fetch(`${sink.httpUrl}/refused?to=Gone@Example.org`, { method: 'POST' });
    expect(await refuse.json()).toEqual({ refused: ['gone@example.org'] });
    const transport = nodemailer.createTransport(sink.url);
    const before = sink.messages.length;
    const failure = await transport.sendMail({ from: 'a@example.org', to: 'gone@example.org', subject: 'Refused', text: 'x' }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'EENVELOPE', responseCode: 550 });
    expect(sink.messages).toHaveLength(before);

    // Another address still goes through while one is refused; a bad request changes nothing.
    await transport.sendMail({ from: 'a@example.org', to: 'here@example.org', subject: 'Fine', text: 'x' });
    expect((await fetch(`${sink.httpUrl}/refused?to=x@example.org&code=250`, { method: 'POST' })).status).toBe(400);

    await fetch(`${sink.httpUrl}/refused?to=gone@example.org`, { method: 'DELETE' });
    await transport.sendMail({ from: 'a@example.org', to: 'gone@example.org', subject: 'Accepted', text: 'x' });
    transport.close();
    expect(sink.messages.slice(before).map((m) => m.subject)).toEqual(['Fine', 'Accepted']);
  });

  it('times out with a list of what did arrive', async () => {
    await expect(sink.waitFor((m) => m.subject === 'never', 50)).rejects.toThrow(/You have been invited/);
  });

  it('finds links in both bodies without duplicates', () => {
    expect(extractLinks('a https://x.test/1, b http://y.test/2.', "<a href='https://x.test/1'>x</a> https://z.test/?a=1&amp;b=2")).toEqual([
      'https://x.test/1',
      'http://y.test/2',
      'https://z.test/?a=1&b=2',
    ]);
  });
});
