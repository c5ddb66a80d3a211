const KEY = 'noiguong.sessionExpired';

/** Remembered across the redirect so the sign-in page can say why the user is back there. */
export function markSessionExpired(): void {
  try {
    window.sessionStorage.setItem(KEY, '1');
  } catch {
    // Without storage the sign-in page simply shows no explanation.
  }
}

export function takeSessionExpired(): boolean {
  try {
    const expired = window.sessionStorage.getItem(KEY) === '1';
    window.sessionStorage.removeItem(KEY);
    return expired;
  } catch {
    return false;
  }
}
