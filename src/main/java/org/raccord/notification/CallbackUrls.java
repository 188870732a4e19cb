package org.raccord.notification;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Which callback URLs Raccord may post to: https (http only for allow-listed hosts), no
 * credentials in the URL, and never an address inside the data centre's own reach (loopback,
 * private, link-local such as the cloud metadata service 169.254.169.254, multicast, any-local)
 * unless its host is allow-listed. Each refusal says why.
 */
final class CallbackUrls {

    private final Set<String> allowedHosts;
    private final HostResolver resolver;

    /** Name resolution, replaceable in tests. */
    interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    CallbackUrls(Set<String> allowedHosts, HostResolver resolver) {
        this.allowedHosts = Set.copyOf(allowedHosts);
        this.resolver = resolver;
    }

    /** The URL, checked; throws IllegalArgumentException with the reason. */
    URI check(String text) {
        if (text == null || text.isBlank() || text.length() > 500) {
            throw new IllegalArgumentException("must be an absolute https URL of at most 500 characters");
        }
        URI url;
        try {
            url = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? null : url.getHost().toLowerCase(Locale.ROOT);
        if (host == null || !url.isAbsolute()) {
            throw new IllegalArgumentException("must be an absolute URL with a host");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("must not carry credentials");
        }
        if (url.getRawFragment() != null) {
            throw new IllegalArgumentException("must not have a fragment");
        }
        boolean allowed = allowedHosts.contains(host);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowed)) {
            throw new IllegalArgumentException("must use https");
        }
        if (!allowed) {
            for (InetAddress address : addresses(host)) {
                if (internal(address)) {
                    throw new IllegalArgumentException("points to an internal address (" + address.getHostAddress() + ")");
                }
            }
        }
        return url;
    }

    private InetAddress[] addresses(String host) {
        try {
            return resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("names a host that does not resolve");
        }
    }

    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64 // carrier-grade NAT 100.64.0.0/10
                || (b[0] & 0xff) == 0; // "this network"
    }
}
