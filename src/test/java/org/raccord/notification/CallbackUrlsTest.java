package org.raccord.notification;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Callback URLs: https to a public address, or an allow-listed host; each refusal with its reason. */
class CallbackUrlsTest {

    private static final Map<String, String> DNS = Map.of("sms.example.com", "93.184.215.14", "metadata.example.com",
            "169.254.169.254", "intranet.example.com", "10.1.2.3", "ipv6-local.example.com", "fd00::1", "nat.example.com",
            "100.64.1.1");

    private final CallbackUrls urls = new CallbackUrls(new ReceiverAddresses(Set.of("localhost"), host -> {
        String address = DNS.get(host);
        if (address == null) {
            if (host.matches("[0-9.]+|[0-9a-f:.]+")) {
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address)};
    }));

    @Test
    void aPublicHttpsUrlAndAnAllowListedLocalReceiverAreAccepted() {
        assertThat(urls.check("https://sms.example.com/hooks/raccord").getHost()).isEqualTo("sms.example.com");
        assertThat(urls.check("http://localhost:8089/hook").getPort()).isEqualTo(8089);
    }

    @Test
    void everyDangerousOrMalformedUrlIsRefusedWithItsReason() {
        Map<String, String> refused = Map.ofEntries(
                Map.entry("http://sms.example.com/hook", "https"),
                Map.entry("ftp://sms.example.com/hook", "https"),
                Map.entry("https://user:pw@sms.example.com/hook", "credentials"),
                Map.entry("https://sms.example.com/hook#frag", "fragment"),
                Map.entry("https://metadata.example.com/latest", "internal"),
                Map.entry("https://169.254.169.254/latest/meta-data", "internal"),
                Map.entry("https://intranet.example.com/hook", "internal"),
                Map.entry("https://127.0.0.1/hook", "internal"),
                Map.entry("https://[::1]/hook", "internal"),
                Map.entry("https://ipv6-local.example.com/hook", "internal"),
                Map.entry("https://nat.example.com/hook", "internal"),
                Map.entry("https://0.0.0.0/hook", "internal"),
                Map.entry("https://[::ffff:10.0.0.1]/hook", "internal"),
                Map.entry("https://[64:ff9b::a9fe:a9fe]/hook", "internal"),
                Map.entry("https://[2002:c0a8:0101::1]/hook", "internal"),
                Map.entry("https://198.18.0.1/hook", "benchmarking"),
                Map.entry("https://nowhere.example.com/hook", "resolve"),
                Map.entry("/relative/hook", "absolute"),
                Map.entry("https://sms.example.com/" + "x".repeat(500), "500"),
                Map.entry("not a url", "valid"));
        refused.forEach((url, why) -> assertThatIllegalArgumentException().as(url)
                .isThrownBy(() -> urls.check(url)).withMessageContaining(why));
        assertThatIllegalArgumentException().isThrownBy(() -> urls.check(null));
    }
}
