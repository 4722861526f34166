import { describe, expect, it } from "vitest";
import { clientIpFromHeaders } from "./client-ip.ts";

const ip = (headers: Record<string, string>) => clientIpFromHeaders(new Headers(headers));

describe("clientIpFromHeaders", () => {
  it("takes the address our proxy appended, not what the client claimed before it", () => {
    expect(ip({ "x-forwarded-for": "1.2.3.4, 10.9.8.7" })).toBe("10.9.8.7");
    expect(ip({ "x-forwarded-for": "  203.0.113.5 " })).toBe("203.0.113.5");
  });

  it("falls back to X-Real-IP and normalises IPv4-mapped IPv6", () => {
    expect(ip({ "x-real-ip": "::ffff:192.0.2.1" })).toBe("192.0.2.1");
    expect(ip({ "x-forwarded-for": "2001:DB8::1" })).toBe("2001:db8::1");
  });

  it("returns null when there is nothing usable", () => {
    expect(ip({})).toBeNull();
    expect(ip({ "x-forwarded-for": "unknown" })).toBeNull();
    expect(ip({ "x-forwarded-for": "x".repeat(100) })).toBeNull();
  });
});
