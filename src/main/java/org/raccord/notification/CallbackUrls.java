package org.raccord.notification;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which callback URLs Raccord may post to: https (http only for allow-listed hosts), no
 * credentials in the URL, and never a special-purpose address (loopback, private, link-local such
 * as the cloud metadata service 169.254.169.254, documentation, NAT64 and IPv4-mapped forms of
 * those, see {@link SpecialPurposeAddresses}) unless its host is allow-listed. Each refusal says
 * why. Checked again at every connection by {@link ReceiverAddresses}, which this class shares.
 */
final class CallbackUrls {

    private final ReceiverAddresses addresses;

    CallbackUrls(ReceiverAddresses addresses) {
        this.addresses = addresses;
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
        if (!scheme.equals("https") && !(scheme.equals("http") && addresses.allowListed(host))) {
            throw new IllegalArgumentException("must use https");
        }
        if (addresses.allowListed(host)) {
            return url;
        }
        try {
            addresses.resolve(host);
        } catch (ReceiverAddresses.RefusedAddress e) {
            throw new IllegalArgumentException("points to " + e.where());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("names a host that does not resolve");
        }
        return url;
    }
}
