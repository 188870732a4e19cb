package org.raccord.notification;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The address a webhook connects to is the checked one: a callback host that resolved to a public
 * address when it subscribed and to an internal one now (DNS rebinding) gets nothing, while the
 * same receiver reached through an allow-listed name does. A real HTTP receiver on loopback plays
 * the internal service; the DNS is a table the test changes.
 */
class HttpWebhookPostTest {

    private final Map<String, String> dns = new ConcurrentHashMap<>();
    private WireMockServer internal;
    private HttpWebhookPost post;
    private CallbackUrls urls;

    @BeforeEach
    void start() {
        internal = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        internal.start();
        internal.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
        ReceiverAddresses addresses = new ReceiverAddresses(Set.of("receiver.local"), host -> {
            String address = dns.get(host);
            if (address == null) {
                throw new java.net.UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(address)};
        });
        urls = new CallbackUrls(addresses);
        post = new HttpWebhookPost(addresses, Duration.ofSeconds(2), Duration.ofSeconds(5), 16);
    }

    @AfterEach
    void stop() throws Exception {
        post.close();
        internal.stop();
    }

    @Test
    void aHostThatRebindsToAnInternalAddressAfterSubscribingGetsNothing() {
        dns.put("sms.example.com", "93.184.215.14");
        URI callback = URI.create("https://sms.example.com:" + internal.port() + "/hook");
        assertThat(urls.check(callback.toString())).isEqualTo(callback);

        dns.put("sms.example.com", "127.0.0.1");
        URI plain = URI.create("http://sms.example.com:" + internal.port() + "/hook");

        assertThatThrownBy(() -> post.post(plain, Map.of("webhook-id", "1"), "{}"))
                .isInstanceOf(ReceiverAddresses.RefusedAddress.class).hasMessageContaining("127.0.0.1").hasMessageContaining("loopback");
        dns.put("sms.example.com", "::ffff:169.254.169.254");
        assertThatThrownBy(() -> post.post(plain, Map.of("webhook-id", "2"), "{}"))
                .isInstanceOf(ReceiverAddresses.RefusedAddress.class).hasMessageContaining("link-local");
        assertThat(internal.findAll(postRequestedFor(urlEqualTo("/hook")))).as("not a byte reached the internal service").isEmpty();
    }

    @Test
    void anAllowListedReceiverOnAnInternalAddressIsReached() throws Exception {
        dns.put("receiver.local", "127.0.0.1");

        WebhookPost.Answer answer = post.post(URI.create("http://receiver.local:" + internal.port() + "/hook"),
                Map.of("webhook-id", "1", "Content-Type", CloudEvents.MEDIA_TYPE), "{\"id\":\"1\"}");

        assertThat(answer.status()).isEqualTo(204);
        assertThat(internal.findAll(postRequestedFor(urlEqualTo("/hook")))).singleElement()
                .satisfies(r -> assertThat(r.getHeader("Content-Type")).isEqualTo(CloudEvents.MEDIA_TYPE))
                .satisfies(r -> assertThat(r.getBodyAsString()).isEqualTo("{\"id\":\"1\"}"));
    }

    @Test
    void aSubscriptionHangingOnAReceiverDoesNotHoldTheConnectionsOfAnotherOnTheSameHost() throws Exception {
        dns.put("receiver.local", "127.0.0.1");
        internal.stubFor(post(urlEqualTo("/hanging")).willReturn(aResponse().withStatus(204).withFixedDelay(4_000)));
        ExecutorService hanging = Executors.newFixedThreadPool(4);
        try {
            // One subscription's four attempts (its lane's limit), all waiting on the same host and port.
            for (int i = 0; i < 4; i++) {
                hanging.submit(() -> post.post(URI.create("http://receiver.local:" + internal.port() + "/hanging"), Map.of(), "{}"));
            }
            await().atMost(Duration.ofSeconds(2)).until(() -> internal.findAll(postRequestedFor(urlEqualTo("/hanging"))).size() == 4);
            long started = System.nanoTime();

            WebhookPost.Answer answer = post.post(URI.create("http://receiver.local:" + internal.port() + "/hook"), Map.of(), "{}");

            assertThat(answer.status()).isEqualTo(204);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no wait for a connection the hanging attempts hold")
                    .isLessThan(Duration.ofSeconds(2));
        } finally {
            hanging.shutdownNow();
        }
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        dns.put("receiver.local", "127.0.0.1");
        internal.stubFor(post(urlEqualTo("/moved")).willReturn(aResponse().withStatus(307).withHeader("Location", "/hook")));

        WebhookPost.Answer answer = post.post(URI.create("http://receiver.local:" + internal.port() + "/moved"), Map.of(), "{}");

        assertThat(answer.status()).isEqualTo(307);
        assertThat(internal.findAll(postRequestedFor(urlEqualTo("/hook")))).isEmpty();
    }

    @Test
    void aReceiverThatDribblesItsAnswerIsCutOffAtTheDeadline() throws Exception {
        dns.put("receiver.local", "127.0.0.1");
        // One chunk every 50 ms for 20 s: no read ever waits a second, the answer never ends in time.
        internal.stubFor(post(urlEqualTo("/dribble")).willReturn(aResponse().withStatus(200).withBody("x".repeat(400))
                .withChunkedDribbleDelay(400, 20_000)));
        try (HttpWebhookPost quick = new HttpWebhookPost(new ReceiverAddresses(Set.of("receiver.local"),
                host -> new InetAddress[] {InetAddress.getByName(dns.get(host))}), Duration.ofMillis(500), Duration.ofSeconds(1), 16)) {
            assertThatThrownBy(() -> quick.post(URI.create("http://receiver.local:" + internal.port() + "/dribble"), Map.of(), "{}"))
                    .as("cancelled at connect timeout + twice the answer timeout, long before the answer ends")
                    .isInstanceOf(java.io.IOException.class);
        }
    }
}
