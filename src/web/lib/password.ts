/** The server refuses shorter passwords, and passwords of digits only. */
export const PASSWORD_MIN_LENGTH = 8;

// Letters that cannot be mistaken for each other when read aloud or copied by hand (no 0/O, 1/l/I).
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** A temporary password for an administrator to hand over; the user must change it at first sign-in. */
export function generatePassword(length = 12): string {
  const bytes = new Uint32Array(length);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (value) => ALPHABET[value % ALPHABET.length] ?? 'x').join('');
}
