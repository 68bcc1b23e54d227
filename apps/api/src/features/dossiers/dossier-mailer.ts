import nodemailer from "nodemailer";

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

/**
 * Sends workflow notifications through the SMTP server of NTM_SMTP_URL
 * (e.g. smtp://user:pass@mail.example.vn:587); without it only the in-app inbox is used.
 */
export async function sendMail(mail: Mail): Promise<boolean> {
  const url = process.env.NTM_SMTP_URL;
  if (!url || mail.to.length === 0) return false;
  const transport = nodemailer.createTransport(url);
  try {
    await transport.sendMail({
      from: process.env.NTM_SMTP_FROM ?? "NTM Monitor <ntm-monitor@localhost>",
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
    });
    return true;
  } finally {
    transport.close();
  }
}
