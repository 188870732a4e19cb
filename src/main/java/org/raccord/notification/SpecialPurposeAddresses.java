package org.raccord.notification;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The addresses a webhook must never reach: every block of the IANA special-purpose registries
 * (RFC 6890 and its updates) that is not globally reachable or is reserved, plus multicast and the
 * deprecated site-local block. Addresses that carry an IPv4 address inside an IPv6 one (IPv4-mapped,
 * IPv4-compatible, NAT64's well-known prefix, 6to4) are judged by the IPv4 address they lead to,
 * because that is where the packets go.
 */
final class SpecialPurposeAddresses {

    /** A block of addresses and why it is refused. */
    private record Block(byte[] prefix, int bits, String name) {
        boolean holds(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            int mask = (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    private static final List<Block> IPV4 = List.of(
            block("0.0.0.0/8", "this network"), block("10.0.0.0/8", "private"),
            block("100.64.0.0/10", "shared address space (carrier-grade NAT)"), block("127.0.0.0/8", "loopback"),
            block("169.254.0.0/16", "link-local (cloud metadata)"), block("172.16.0.0/12", "private"),
            block("192.0.0.0/24", "IETF protocol assignments"), block("192.0.2.0/24", "documentation"),
            block("192.31.196.0/24", "AS112"), block("192.52.193.0/24", "AMT"),
            block("192.88.99.0/24", "6to4 relay anycast"), block("192.168.0.0/16", "private"),
            block("192.175.48.0/24", "AS112 direct delegation"), block("198.18.0.0/15", "benchmarking"),
            block("198.51.100.0/24", "documentation"), block("203.0.113.0/24", "documentation"),
            block("224.0.0.0/4", "multicast"), block("240.0.0.0/4", "reserved"));

    private static final List<Block> IPV6 = List.of(
            block("::/96", "IPv4-compatible, unspecified or loopback"), block("64:ff9b:1::/48", "local-use NAT64"),
            block("100::/64", "discard-only"), block("2001::/23", "IETF protocol assignments (Teredo, ORCHID, …)"),
            block("2001:db8::/32", "documentation"), block("3fff::/20", "documentation"), block("5f00::/16", "segment routing"),
            block("fc00::/7", "unique local"), block("fe80::/10", "link-local"), block("fec0::/10", "site-local"),
            block("ff00::/8", "multicast"));

    private SpecialPurposeAddresses() {
    }

    /** Why the address is refused, or empty for a globally reachable one. */
    static Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            Optional<byte[]> embedded = embeddedIpv4(bytes);
            if (embedded.isPresent()) {
                return refusal(ipv4(embedded.get()));
            }
        }
        for (Block b : address instanceof Inet4Address ? IPV4 : IPV6) {
            if (b.holds(bytes)) {
                return Optional.of(b.name());
            }
        }
        return Optional.empty();
    }

    static boolean refused(InetAddress address) {
        return refusal(address).isPresent();
    }

    /**
     * The IPv4 address an IPv6 one leads to: IPv4-mapped {@code ::ffff:a.b.c.d} (the JDK turns most
     * into Inet4Address already), NAT64 {@code 64:ff9b::a.b.c.d}, 6to4 {@code 2002:aabb:ccdd::}.
     */
    private static Optional<byte[]> embeddedIpv4(byte[] b) {
        if (zeros(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return Optional.of(slice(b, 12));
        }
        if ((b[0] & 0xff) == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zeros(b, 4, 12)) {
            return Optional.of(slice(b, 12));
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return Optional.of(slice(b, 2));
        }
        return Optional.empty();
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] b, int from) {
        return new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]};
    }

    private static InetAddress ipv4(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Block block(String cidr, String name) {
        String[] parts = cidr.split("/");
        try {
            // Literal addresses only: getByName does no lookup for them.
            return new Block(InetAddress.getByName(parts[0]).getAddress(), Integer.parseInt(parts[1]), name);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
    }
}
