// A local SMTP sink for the reminder benchmark (its own process, so that it does not share the
// sender's CPU): accepts every mail, prints its port, then the number of mails on SIGTERM.
import { SMTPServer } from "smtp-server";

let mails = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, _session, callback) {
    stream.on("data", () => undefined);
    stream.on("end", () => {
      mails += 1;
      callback();
    });
  },
});
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${server.server.address().port}\n`);
});
process.on("SIGTERM", () => {
  process.stdout.write(`${mails}\n`);
  server.close(() => process.exit(0));
});
