import nodemailer from 'nodemailer';
import type { Config } from '../../platform/config';

/** What sending an e-mail needs; nodemailer's transports fit it (SMTP in production, JSON in tests). */
export type Mailer = {
  from: string;
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
};

/** The e-mail sender of the configuration, or null when SMTP is not set (in-app notices only). */
export function mailerFromConfig(config: Pick<Config, 'smtpUrl' | 'smtpFrom'>): Mailer | null {
  if (!config.smtpUrl) return null;
  const transport = nodemailer.createTransport(config.smtpUrl);
  return { from: config.smtpFrom, sendMail: (message) => transport.sendMail(message) };
}
