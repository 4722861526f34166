/**
 * How long until a locked sign-in may be retried, in the unit the message uses: seconds under a minute, else whole
 * minutes rounded up, so retrying at the time shown always works ("Probá de nuevo en 2 minutos"). The same wait
 * for a known or an unknown email: the lock itself does not say which one it was.
 */
export function lockoutWait(lockedUntil: Date, now: Date): { unit: "seconds" | "minutes"; count: number } {
  const seconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
  return seconds < 60 ? { unit: "seconds", count: seconds } : { unit: "minutes", count: Math.ceil(seconds / 60) };
}
