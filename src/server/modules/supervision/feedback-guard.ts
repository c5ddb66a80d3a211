import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { constants, copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What keeps the public feedback form usable without JavaScript (the CSP forbids inline scripts)
 * and still hard for bots: a small sum whose answer travels in a signed, expiring token, and a
 * salted hash of the sender's address for rate limiting (the address itself is never stored).
 */
export type FeedbackGuard = {
  newChallenge(now?: Date): { question: string; token: string };
  /** Whether `answer` solves the challenge in `token`, and the token has not expired. */
  verifyChallenge(token: string, answer: string, now?: Date): boolean;
  senderHash(ip: string): string;
};

/** Long enough to read the page and type a careful message; short enough that tokens do not pile up. */
const CHALLENGE_LIFETIME_MS = 2 * 60 * 60 * 1000;

/**
 * The server secret: FEEDBACK_SECRET when set (several servers must share it); otherwise one
 * generated at first start and kept in the data directory, so restarts keep the rate limits.
 */
export function loadFeedbackSecret(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.FEEDBACK_SECRET?.trim();
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, 'feedback-secret');
  try {
    if (existsSync(file)) return readFileSync(file, 'utf8').trim();
    mkdirSync(dataDir, { recursive: true });
    // Several processes may start at once on one data directory. Each writes its candidate whole
    // under a name of its own and links it into place; the link fails for all but the first, and
    // every process then reads the one secret that won (a plain write would let each keep its own).
    const candidate = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(candidate, randomBytes(32).toString('hex'), { mode: 0o600 });
    try {
      linkSync(candidate, file);
    } catch (error) {
      // A file system without hard links: an exclusive copy still lets only one candidate in.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') copyOnce(candidate, file);
    } finally {
      rmSync(candidate, { force: true });
    }
    return readFileSync(file, 'utf8').trim();
  } catch {
    // A read-only data directory still gets a working form; limits then reset on restart.
    return randomBytes(32).toString('hex');
  }
}

function copyOnce(from: string, to: string): void {
  try {
    copyFileSync(from, to, constants.COPYFILE_EXCL);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

export function createFeedbackGuard(secret: string): FeedbackGuard {
  const sign = (payload: string) => createHmac('sha256', secret).update(`challenge:${payload}`).digest('base64url');
  return {
    newChallenge(now = new Date()) {
      const a = randomInt(2, 10);
      const b = randomInt(1, 10);
      const expires = now.getTime() + CHALLENGE_LIFETIME_MS;
      // The nonce makes two tokens for the same sum differ, so the answer cannot be read off the token.
      const payload = `${expires}.${randomBytes(6).toString('base64url')}`;
      const mac = createHmac('sha256', secret)
        .update(`challenge:${payload}:${a + b}`)
        .digest('base64url');
      return { question: `${a} + ${b}`, token: `${payload}.${mac}` };
    },
    verifyChallenge(token, answer, now = new Date()) {
      const parts = token.split('.');
      if (parts.length !== 3) return false;
      const [expires, nonce, mac] = parts as [string, string, string];
      if (!/^\d+$/.test(expires) || Number(expires) < now.getTime()) return false;
      const normalised = answer.trim();
      if (!/^\d{1,3}$/.test(normalised)) return false;
      const expected = Buffer.from(sign(`${expires}.${nonce}:${Number(normalised)}`));
      const given = Buffer.from(mac);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
    senderHash(ip) {
      return createHmac('sha256', secret).update(`sender:${ip}`).digest('hex');
    },
  };
}
