package org.raccord.production;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestWrapper;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Body;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * What a broken owner does to its own answers, applied by the proxy in front of the simulated owner
 * to the real answer: cut short, strings made over-long, a page's events doubled or reversed, an
 * external entity, an entity bomb, 10,000-deep nesting, 100 MB; and, on the way in, a feed read
 * sent back 200 sequences (the owner's sequence jumping back). A stub names its mode with the
 * transformer parameter {@code mode}; {@link #jumpBack} switches the request side.
 */
final class OwnerTampering implements ResponseTransformerV2, StubRequestFilterV2 {

    static final String NAME = "owner-tampering";

    enum Mode { TRUNCATED, LONG_STRINGS, DUPLICATED_EVENTS, REVERSED_EVENTS, EXTERNAL_ENTITY, ENTITY_EXPANSION, DEEP_NESTING, HUGE }

    private static final Pattern EVENT = Pattern.compile("<(\\w+:)?Evenement>.*?</\\1?Evenement>", Pattern.DOTALL);
    private static final Pattern LABEL = Pattern.compile("(<(\\w+:)?Libelle>)([^<]*)(</)");
    private static final Pattern FROM = Pattern.compile("(<(\\w+:)?DepuisSequence>)(\\d+)(</)");
    private static final Pattern ROOT = Pattern.compile("<(\\w+:)?Envelope");
    private static final int HUGE_BYTES = 100 * 1024 * 1024;
    private static volatile byte[] huge;

    /** Feed reads are sent this many sequences back while set. */
    volatile boolean jumpBack;
    /** Answers changed, for the campaign's table (a mode that found nothing to change says so). */
    final AtomicLong tampered = new AtomicLong();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        Mode mode = Mode.valueOf(serveEvent.getTransformerParameters().getString("mode"));
        String body = response.getBodyAsString();
        String changed = switch (mode) {
            case TRUNCATED -> body.substring(0, body.length() / 2);
            case LONG_STRINGS -> LABEL.matcher(body).replaceAll(m -> Matcher.quoteReplacement(
                    m.group(1) + m.group(3) + "é".repeat(20_000) + m.group(4)));
            case DUPLICATED_EVENTS -> EVENT.matcher(body).replaceAll(m -> Matcher.quoteReplacement(m.group() + m.group()));
            case REVERSED_EVENTS -> reversed(body);
            case EXTERNAL_ENTITY -> withDoctype(body, "<!ENTITY x SYSTEM \"file:///etc/passwd\">", "&x;");
            case ENTITY_EXPANSION -> withDoctype(body, bomb(), "&l9;");
            case DEEP_NESTING -> body.replaceFirst("(<(\\w+:)?Body>)", "$1" + Matcher.quoteReplacement(
                    "<n>".repeat(10_000) + "</n>".repeat(10_000)));
            case HUGE -> null;
        };
        if (changed != null && changed.equals(body)) {
            return response;
        }
        tampered.incrementAndGet();
        byte[] bytes = changed == null ? huge() : changed.getBytes(StandardCharsets.UTF_8);
        // The owner's Content-Length no longer holds: the answer is sent with its new length.
        com.github.tomakehurst.wiremock.http.HttpHeaders headers = new com.github.tomakehurst.wiremock.http.HttpHeaders(
                response.getHeaders().all().stream().filter(h -> !h.keyEquals("Content-Length")).toList());
        return Response.Builder.like(response).but().headers(headers).body(bytes).build();
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        if (!jumpBack || !request.getBodyAsString().contains("DepuisSequence")) {
            return RequestFilterAction.continueWith(request);
        }
        String body = FROM.matcher(request.getBodyAsString()).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + Math.max(0, Long.parseLong(m.group(3)) - 200) + m.group(4)));
        tampered.incrementAndGet();
        return RequestFilterAction.continueWith(RequestWrapper.create().transformBody(b -> new Body(body)).wrap(request));
    }

    private static String reversed(String body) {
        Matcher m = EVENT.matcher(body);
        List<String> events = new ArrayList<>();
        int first = -1;
        int last = -1;
        while (m.find()) {
            events.add(m.group());
            first = first < 0 ? m.start() : first;
            last = m.end();
        }
        if (events.size() < 2) {
            return body;
        }
        return body.substring(0, first) + String.join("", reversedCopy(events)) + body.substring(last);
    }

    private static List<String> reversedCopy(List<String> events) {
        List<String> copy = new ArrayList<>(events);
        java.util.Collections.reverse(copy);
        return copy;
    }

    /** A DOCTYPE declaring {@code entities} before the envelope, and {@code reference} inside the first label or header value. */
    private static String withDoctype(String body, String entities, String reference) {
        Matcher root = ROOT.matcher(body);
        if (!root.find()) {
            return body;
        }
        String name = (root.group(1) == null ? "" : root.group(1)) + "Envelope";
        String declared = body.substring(0, root.start()) + "<!DOCTYPE " + name + " [" + entities + "]>" + body.substring(root.start());
        return declared.replaceFirst("(<CodeOperateur>)", "$1" + Matcher.quoteReplacement(reference));
    }

    /** Nine levels of ten references each: a billion "lol"s once expanded. */
    private static String bomb() {
        StringBuilder b = new StringBuilder("<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            b.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return b.toString();
    }

    /** A SOAP envelope of 100 MB (made once): the owner sending far more than any page. */
    private static byte[] huge() {
        if (huge == null) {
            String head = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><x>";
            String tail = "</x></soap:Body></soap:Envelope>";
            byte[] bytes = new byte[HUGE_BYTES];
            java.util.Arrays.fill(bytes, (byte) 'a');
            System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, head.length());
            System.arraycopy(tail.getBytes(StandardCharsets.US_ASCII), 0, bytes, HUGE_BYTES - tail.length(), tail.length());
            huge = bytes;
        }
        return huge;
    }
}
