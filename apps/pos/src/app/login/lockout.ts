/**
 * "Demasiados intentos. Probá de nuevo en 2 minutos." — rounded up, so retrying at the time shown always works.
 * The same text for a known or an unknown email: the lock itself does not say which one it was.
 */
export function lockoutMessage(lockedUntil: Date, now: Date): string {
  const seconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
  const wait =
    seconds < 60
      ? `${seconds} ${seconds === 1 ? "segundo" : "segundos"}`
      : `${Math.ceil(seconds / 60)} ${Math.ceil(seconds / 60) === 1 ? "minuto" : "minutos"}`;
  return `Demasiados intentos. Probá de nuevo en ${wait}.`;
}
