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
        assertThat(resources).extracting(Class::getSimpleName).contains("LinesResource", "PingResource");
        assertThat(open).as("endpoints without scopes").isEmpty();
    }

    private static List<Class<?>> versionedResources() throws IOException, URISyntaxException, ClassNotFoundException {
        Path folder = Path.of(LinesResource.class.getResource("LinesResource.class").toURI()).getParent();
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName(LinesResource.class.getPackageName() + "." + name, false,
                        ClientScopesTest.class.getClassLoader());
                jakarta.ws.rs.Path path = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (path != null && path.value().startsWith("v1")) {
                    found.add(type);
                }
            }
        }
        return found;
    }
}
