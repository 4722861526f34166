// The client address for per-IP throttling. It comes from headers, so it is only as trustworthy as the proxy
// in front of the app: deploy behind one reverse proxy (nginx, a load balancer) that appends the peer address
// to X-Forwarded-For or sets X-Real-IP. We take the LAST X-Forwarded-For entry — the one our proxy added —
// because everything before it was sent by the client and is free to forge. Without a proxy, Next.js fills
// X-Forwarded-For with the socket address only when the client sent none, so a client can choose its "IP":
// the per-account counter still holds then, the per-IP one does not.
const MAX_LENGTH = 64;

function normalise(value: string | undefined): string | null {
  const trimmed = value?.trim().toLowerCase();
  if (!trimmed || trimmed.length > MAX_LENGTH || trimmed === "unknown") return null;
  // An IPv4 client seen through an IPv6 socket is the same client.
  return trimmed.startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice("::ffff:".length) : trimmed;
}

export function clientIpFromHeaders(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const fromProxy = normalise(forwarded?.split(",").at(-1));
  return fromProxy ?? normalise(headers.get("x-real-ip") ?? undefined);
}
