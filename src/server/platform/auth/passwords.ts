import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id; the package's const enum cannot be imported under isolatedModules.
const ARGON2ID = 2;
import { AppError } from '../errors';

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A password policy people can meet on a phone: long enough, not only digits. */
export function assertPasswordAcceptable(password: string): void {
  if (password.length < 8) {
    throw new AppError('VALIDATION_FAILED', 'Mật khẩu phải có ít nhất 8 ký tự.');
  }
  if (/^\d+$/.test(password)) {
    throw new AppError('VALIDATION_FAILED', 'Mật khẩu không được chỉ gồm chữ số.');
  }
}
