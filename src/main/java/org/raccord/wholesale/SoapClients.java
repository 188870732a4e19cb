package org.raccord.wholesale;

import java.util.HashMap;
import java.util.Map;

import org.apache.cxf.configuration.security.AuthorizationPolicy;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.raccord.wholesale.soap.cutover.SuiviBasculePort;
import org.raccord.wholesale.soap.order.SuiviCommandeAccesPort;

/**
 * Builds the CXF clients once, with everything that protects Raccord from its upstream: short
 * timeouts, no redirects, and parser limits. CXF refuses DTDs by default (no XXE, no entity
 * expansion); the size limits are set explicitly because CXF 4.2.3 does not bound the document
 * size by itself (CVE-2026-108039).
 */
final class SoapClients {

    private SoapClients() {
    }

    static SuiviCommandeAccesPort accessOrder(WholesaleSettings settings) {
        return build(SuiviCommandeAccesPort.class, settings.accessOrderAddress().toString(), settings);
    }

    static SuiviBasculePort cutover(WholesaleSettings settings) {
        return build(SuiviBasculePort.class, settings.cutoverAddress().toString(), settings);
    }

    private static <T> T build(Class<T> port, String address, WholesaleSettings settings) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(port);
        factory.setAddress(address);
        Map<String, Object> properties = new HashMap<>();
        properties.put("org.apache.cxf.stax.maxXMLCharacters", settings.maxXmlCharacters());
        properties.put("org.apache.cxf.stax.maxElementCount", settings.maxElementCount());
        properties.put("org.apache.cxf.stax.maxElementDepth", 32);
        properties.put("org.apache.cxf.stax.maxChildElements", 2_000);
        properties.put("org.apache.cxf.stax.maxAttributeCount", 64);
        properties.put("org.apache.cxf.stax.maxAttributeSize", 8_192);
        properties.put("org.apache.cxf.stax.maxTextLength", 1 << 20);
        // The clients are shared by all polling threads: keep per-call context off the shared proxy.
        properties.put("thread.local.request.context", "true");
        factory.setProperties(properties);
        T client = factory.create(port);

        Client cxf = ClientProxy.getClient(client);
        // Tests may use CXF's in-JVM transport, which has no HTTP policy to set.
        if (cxf.getConduit() instanceof HTTPConduit conduit) {
            HTTPClientPolicy policy = new HTTPClientPolicy();
            policy.setConnectionTimeout(settings.connectTimeout().toMillis());
            policy.setReceiveTimeout(settings.receiveTimeout().toMillis());
            policy.setAutoRedirect(false);
            policy.setAllowChunking(false);
            conduit.setClient(policy);
            if (settings.credentials() != null) {
                AuthorizationPolicy auth = new AuthorizationPolicy();
                auth.setUserName(settings.credentials().user());
                auth.setPassword(settings.credentials().password());
                auth.setAuthorizationType("Basic");
                conduit.setAuthorization(auth);
            }
        }
        return client;
    }
}
