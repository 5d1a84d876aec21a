/**
 * A real SMTP server on 127.0.0.1 (smtp-server from npm) that keeps every mail it accepted:
 * the envelope recipients, the Message-ID, and the decoded plain-text and HTML bodies. `onMail`
 * may delay the answer and refuse the mail (no 250): a refused mail is not kept.
 */
import { SMTPServer } from "smtp-server";

export type SunkMail = {
  from: string;
  to: string[];
  messageId: string;
  subject: string;
  text: string;
  html: string;
};

function decodeQuotedPrintable(body: string): string {
  const bytes: number[] = [];
  const soft = body.replace(/=\r?\n/g, "");
  for (let i = 0; i < soft.length; i += 1) {
    const hex = soft[i] === "=" ? soft.slice(i + 1, i + 3) : "";
    if (/^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i] as string, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

function decodeWords(header: string): string {
  return header.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) =>
    enc.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : decodeQuotedPrintable(text.replace(/_/g, " ")),
  );
}

/** The text/plain (or text/html) part of a raw message, decoded. */
export function textPart(raw: string, type: "plain" | "html"): string {
  const part = new RegExp(
    `Content-Type: text\\/${type}[^]*?\\r?\\n\\r?\\n([^]*?)(?=\\r?\\n--|$)`,
    "i",
  ).exec(raw);
  const headers =
    new RegExp(`Content-Type: text\\/${type}[^]*?\\r?\\n\\r?\\n`, "i").exec(raw)?.[0] ?? "";
  const body = part?.[1] ?? "";
  if (/Content-Transfer-Encoding: base64/i.test(headers)) {
    return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  }
  if (/Content-Transfer-Encoding: quoted-printable/i.test(headers)) {
    return decodeQuotedPrintable(body);
  }
  return body;
}

export type SmtpSink = {
  url: string;
  mails: SunkMail[];
  /** called with the mail's number before it is accepted; resolving false refuses it */
  onMail: ((count: number) => Promise<boolean>) | null;
  close(): Promise<void>;
};

export async function startSmtpSink(): Promise<SmtpSink> {
  const sink: SmtpSink = { url: "", mails: [], onMail: null, close: async () => undefined };
  let seen = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const header = raw.split(/\r?\n\r?\n/)[0] ?? "";
        const unfolded = header.replace(/\r?\n[ \t]+/g, " ");
        const mail: SunkMail = {
          from: decodeWords(/^From: (.*)$/im.exec(unfolded)?.[1] ?? ""),
          to: session.envelope.rcptTo.map((r) => r.address),
          messageId: /^Message-ID: (.*)$/im.exec(unfolded)?.[1]?.trim() ?? "",
          subject: decodeWords(/^Subject: (.*)$/im.exec(unfolded)?.[1] ?? ""),
          text: textPart(raw, "plain"),
          html: textPart(raw, "html"),
        };
        void (sink.onMail?.(++seen) ?? Promise.resolve(true)).then((accept) => {
          if (!accept) return callback(new Error("Máy chủ thư tạm ngừng nhận."));
          sink.mails.push(mail);
          callback();
        });
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  sink.url = `smtp://127.0.0.1:${port}`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}
