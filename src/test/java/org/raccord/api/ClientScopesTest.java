package org.raccord.api;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.ws.rs.HttpMethod;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import org.raccord.web.ClientScopes;

/** No API-client resource may be left without scopes: the gate lets through what names none. */
class ClientScopesTest {

    @Test
    void everyVersionedResourceMethodNamesItsScopes() throws Exception {
        List<String> open = new ArrayList<>();
        List<Class<?>> resources = versionedResources();
        for (Class<?> resource : resources) {
            for (Method method : resource.getDeclaredMethods()) {
                boolean endpoint = Stream.of(method.getAnnotations())
                        .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
                if (endpoint && method.getAnnotation(ClientScopes.class) == null
                        && resource.getAnnotation(ClientScopes.class) == null) {
                    open.add(resource.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertThat(resources).extracting(Class::getSimpleName).contains("LinesResource", "PingResource", "HubResource");
        assertThat(open).as("endpoints without scopes").isEmpty();
    }

    private static List<Class<?>> versionedResources() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(LinesResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("org/raccord"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replace(".class", "");
                Class<?> type = Class.forName(name, false, ClientScopesTest.class.getClassLoader());
                jakarta.ws.rs.Path path = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (path != null && path.value().startsWith("v1")) {
                    found.add(type);
                }
            }
        }
        return found;
    }
}
