/** The channels of this installation: in-app always, e-mail when an SMTP server is configured. */
import type { Ctx } from "../services/context.js";
import type { Channel } from "./channel.js";
import { emailChannel } from "./email.channel.js";
import { inAppChannel } from "./in-app.channel.js";

export function channelsFor(ctx: Ctx): Channel[] {
  const { smtpUrl, from } = ctx.config.mail;
  return [inAppChannel(ctx), ...(smtpUrl ? [emailChannel(smtpUrl, from, ctx.config.siteUrl)] : [])];
}
