package org.raccord.notification;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The notification hook's settings (MicroProfile Config), read once. */
@ApplicationScoped
public class NotificationSettings {

    @Inject
    @ConfigProperty(name = "raccord.notification.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "raccord.notification.intervalMillis", defaultValue = "1000")
    long intervalMillis;

    /** How long before a planned cut the customer is reminded, by the owner's clock. */
    @Inject
    @ConfigProperty(name = "raccord.notification.cutoverLeadHours", defaultValue = "48")
    long cutoverLeadHours;

    @Inject
    @ConfigProperty(name = "raccord.notification.quietHours", defaultValue = "21:00-08:00")
    String quietHours;

    /** Changes of one line waiting this close together go out with one SMS (Coalescing). */
    @Inject
    @ConfigProperty(name = "raccord.notification.coalesceSeconds", defaultValue = "120")
    long coalesceSeconds;

    /** Replace characters outside GSM-7 (ê, ’, « ») so that texts stay in the cheaper alphabet. */
    @Inject
    @ConfigProperty(name = "raccord.sms.transliterate", defaultValue = "true")
    boolean transliterate;

    /** Hosts a callback may use although internal or plain http (a local receiver); none by default. */
    @Inject
    @ConfigProperty(name = "raccord.hub.allowedHosts", defaultValue = " ")
    String allowedHosts;

    @Inject
    @ConfigProperty(name = "raccord.hub.secretGraceHours", defaultValue = "24")
    long secretGraceHours;

    @Inject
    @ConfigProperty(name = "raccord.hub.timeoutMillis", defaultValue = "5000")
    long timeoutMillis;

    /** The loop is stale (health DOWN) after this long without a run, or ten intervals if longer. */
    @Inject
    @ConfigProperty(name = "raccord.health.loopStaleSeconds", defaultValue = "120")
    long loopStaleSeconds;

    boolean enabled() { return enabled; }
    long loopStaleSeconds() { return loopStaleSeconds; }
    long intervalMillis() { return intervalMillis; }
    long cutoverLeadHours() { return cutoverLeadHours; }
    String quietHours() { return quietHours; }
    Duration secretGrace() { return Duration.ofHours(secretGraceHours); }
    Duration coalesceWindow() { return Duration.ofSeconds(coalesceSeconds); }

    private WebhookPost post;
    private CallbackUrls callbackUrls;
    private SmsTemplates templates;

    /** Built once: one HTTP client for every webhook, one reading of the allow-list and templates. */
    @PostConstruct
    void build() {
        templates = new SmsTemplates(transliterate);
        post = new HttpWebhookPost(Duration.ofMillis(Math.min(timeoutMillis, 2000)), Duration.ofMillis(timeoutMillis));
        Set<String> hosts = Arrays.stream(allowedHosts.split(",")).map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).collect(Collectors.toSet());
        callbackUrls = new CallbackUrls(hosts, InetAddress::getAllByName);
    }

    WebhookPost post() {
        return post;
    }

    CallbackUrls callbackUrls() {
        return callbackUrls;
    }

    SmsTemplates templates() {
        return templates;
    }
}
