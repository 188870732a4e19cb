package org.raccord.notification;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.apache.hc.client5.http.DnsResolver;

/**
 * Where a receiver's host name leads, refusing any special-purpose address unless the host is
 * allow-listed. The same resolution vets a callback at subscription time and is the one the HTTP
 * client connects to on every delivery and ping: a name that re-resolves to an internal address
 * after subscribing (DNS rebinding) is refused before a byte is sent.
 */
final class ReceiverAddresses implements DnsResolver {

    /** Name resolution, replaceable in tests. */
    interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A host that resolves, but to an address Raccord must not reach. */
    static final class RefusedAddress extends UnknownHostException {
        private static final long serialVersionUID = 1L;

        private final String where;

        RefusedAddress(String host, InetAddress address, String range) {
            super(host + " resolves to an internal address (" + address.getHostAddress() + ", " + range + ")");
            this.where = "an internal address (" + address.getHostAddress() + ", " + range + ")";
        }

        /** The address and its range, e.g. "an internal address (10.1.2.3, private)". */
        String where() {
            return where;
        }
    }

    private final Set<String> allowedHosts;
    private final HostResolver resolver;

    ReceiverAddresses(Set<String> allowedHosts, HostResolver resolver) {
        this.allowedHosts = Set.copyOf(allowedHosts);
        this.resolver = resolver;
    }

    boolean allowListed(String host) {
        return allowedHosts.contains(host.toLowerCase(Locale.ROOT));
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = resolver.resolve(name);
        if (!allowListed(host)) {
            for (InetAddress address : addresses) {
                Optional<String> refusal = SpecialPurposeAddresses.refusal(address);
                if (refusal.isPresent()) {
                    throw new RefusedAddress(host, address, refusal.get());
                }
            }
        }
        return addresses;
    }

    /** The client connects through this one; spelt out so that no default can bypass the check. */
    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        List<InetSocketAddress> endpoints = new ArrayList<>();
        for (InetAddress address : resolve(host)) {
            endpoints.add(new InetSocketAddress(address, port));
        }
        return endpoints;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        InetAddress[] addresses = resolve(host);
        return addresses.length == 0 ? host : addresses[0].getCanonicalHostName();
    }
}
