/**
 * Whether next/image may resize this picture: our own uploads and Cloudinary's (next.config.ts allows that host).
 * An admin may point a banner or the logo at any https address; those are shown as they are, not refused.
 */
export function optimizable(url: string): boolean {
  return url.startsWith("/") || url.startsWith("https://res.cloudinary.com/");
}
