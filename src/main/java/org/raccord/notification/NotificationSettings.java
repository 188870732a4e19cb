package org.raccord.notification;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
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

    /** What the customer is told happens about a breach, after the working days without service. */
    @Inject
    @ConfigProperty(name = "raccord.sms.breachRemedy.fr", defaultValue = "Votre fournisseur vous appellera.")
    String breachRemedyFr;

    @Inject
    @ConfigProperty(name = "raccord.sms.breachRemedy.en", defaultValue = "Your provider will call you.")
    String breachRemedyEn;

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

    /**
     * Attempts one subscriber may have running at once (so connections it holds); its lane
     * claims more, as many as it can attempt well within their lease (SubscriberLanes).
     */
    @Inject
    @ConfigProperty(name = "raccord.hub.perSubscriber", defaultValue = "4")
    int perSubscriber;

    /** Connections to all receivers together (the senders' executor has its own limit in server.xml). */
    @Inject
    @ConfigProperty(name = "raccord.hub.connections", defaultValue = "64")
    int connections;

    /**
     * How long a claimed delivery stays with the instance that claimed it: if that instance dies
     * before recording the attempt, another sends it again (same webhook-id) after this long. At
     * least three times the timeout, so that a running attempt is never taken over.
     */
    @Inject
    @ConfigProperty(name = "raccord.hub.deliveryLeaseSeconds", defaultValue = "120")
    long deliveryLeaseSeconds;

    /**
     * Multiplies the retry schedule (1: 5 s … 24 h, about three days): a drill or a reliability
     * campaign compresses days of a receiver's absence into minutes. Retry-After is never scaled.
     */
    @Inject
    @ConfigProperty(name = "raccord.hub.retryScale", defaultValue = "1")
    double retryScale;

    /** Test events one subscription may send a minute. */
    @Inject
    @ConfigProperty(name = "raccord.hub.pingsPerMinute", defaultValue = "5")
    int pingsPerMinute;

    /** The loop is stale (health DOWN) after this long without a run, or ten intervals if longer. */
    @Inject
    @ConfigProperty(name = "raccord.health.loopStaleSeconds", defaultValue = "120")
    long loopStaleSeconds;

    boolean enabled() { return enabled; }
    long loopStaleSeconds() { return loopStaleSeconds; }
    int perSubscriber() { return perSubscriber; }
    Duration timeout() { return Duration.ofMillis(timeoutMillis); }
    Duration deliveryLease() { return Duration.ofSeconds(Math.max(deliveryLeaseSeconds, 3 * ((timeoutMillis + 999) / 1000))); }
    int pingsPerMinute() { return pingsPerMinute; }
    double retryScale() { return retryScale; }
    long intervalMillis() { return intervalMillis; }
    long cutoverLeadHours() { return cutoverLeadHours; }
    String quietHours() { return quietHours; }
    Duration secretGrace() { return Duration.ofHours(secretGraceHours); }
    Duration coalesceWindow() { return Duration.ofSeconds(coalesceSeconds); }

    private HttpWebhookPost post;
    private CallbackUrls callbackUrls;
    private SmsTemplates templates;
    /** The longest remedy that still lets a breach SMS with its cut and dates fit in two parts. */
    static final int REMEDY_MAX = 60;

    /** A remedy longer than an SMS can carry beside the facts is refused for the default, loudly. */
    static String remedy(String configured, String fallback) {
        String remedy = configured.strip();
        if (remedy.length() > REMEDY_MAX) {
            java.util.logging.Logger.getLogger(NotificationSettings.class.getName()).warning(() -> "raccord.sms.breachRemedy is longer than "
                    + REMEDY_MAX + " characters, which two SMS parts cannot carry with the facts: the default is used");
            return fallback;
        }
        return remedy;
    }

    /** Built once: one HTTP client for every webhook, one reading of the allow-list and templates. */
    @PostConstruct
    void build() {
        templates = new SmsTemplates(transliterate, Map.of("fr", remedy(breachRemedyFr, "Votre fournisseur vous appellera."),
                "en", remedy(breachRemedyEn, "Your provider will call you.")));
        Set<String> hosts = Arrays.stream(allowedHosts.split(",")).map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).collect(Collectors.toSet());
        ReceiverAddresses addresses = new ReceiverAddresses(hosts, InetAddress::getAllByName);
        post = new HttpWebhookPost(addresses, Duration.ofMillis(Math.min(timeoutMillis, 2000)), Duration.ofMillis(timeoutMillis),
                connections);
        callbackUrls = new CallbackUrls(addresses);
    }

    @PreDestroy
    void close() {
        try {
            post.close();
        } catch (IOException e) {
            // Closing idle connections: nothing is lost if one does not close cleanly.
        }
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
