package org.raccord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The README's two commands are the contract with a newcomer and with CI: this keeps them the
 * commands that {@code .ci/run} runs and that reach, in the build, what each must do. A run
 * command that skips code generation, or a CI script that runs something else, fails here.
 */
class ReadmeCommandsTest {

    /** Maven's default lifecycle, in order (up to verify: nothing here installs or deploys). */
    private static final List<String> LIFECYCLE = List.of("validate", "initialize", "generate-sources",
            "process-sources", "generate-resources", "process-resources", "compile", "process-classes",
            "generate-test-sources", "process-test-sources", "generate-test-resources", "process-test-resources",
            "test-compile", "process-test-classes", "test", "prepare-package", "package", "pre-integration-test",
            "integration-test", "post-integration-test", "verify");

    private static String readme;
    private static Document pom;

    @BeforeAll
    static void read() throws Exception {
        readme = Files.readString(Path.of("README.md"));
        pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
    }

    @Test
    void ciRunsExactlyTheReadmeTestCommand() throws IOException {
        List<String> commands = Files.readAllLines(Path.of(".ci", "run")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .filter(line -> line.matches("(exec )?mvn\\b.*"))
                .map(line -> line.replaceFirst("^exec ", ""))
                .toList();
        assertThat(commands).containsExactly(readmeCommand("test"));
    }

    @Test
    void theRunCommandBuildsWhatLibertyRunSkipsThenStartsTheServer() {
        List<String> words = words(readmeCommand("run"));
        assertThat(words.get(0)).isEqualTo("mvn");
        assertThat(words.get(words.size() - 1)).isEqualTo("liberty:run");
        String phase = lastPhase(words).orElseThrow(() -> new AssertionError(
                "liberty:run compiles without generate-sources: the run command must name a lifecycle phase"));
        // The SOAP client is generated from wsdl/ and the OpenAPI document after compiling: both
        // must have run before Liberty starts the application.
        assertThat(reaches(phase, executionPhase("cxf-codegen-plugin", "generate-wholesale-client")))
                .as("run command's phase %s reaches the SOAP client's generation", phase).isTrue();
        assertThat(reaches(phase, "process-classes"))
                .as("run command's phase %s reaches the OpenAPI document's generation", phase).isTrue();
        // Running needs no browser and no free test ports: the tests are skipped.
        assertThat(!reaches(phase, "test") || words.contains("-DskipTests")).isTrue();
    }

    @Test
    void theTestCommandRunsTheIntegrationTestsAfterCheckingWhatTheyNeed() {
        List<String> words = words(readmeCommand("test"));
        assertThat(words.get(0)).isEqualTo("mvn");
        assertThat(words).noneMatch(word -> word.startsWith("-DskipTests") || word.startsWith("-Dmaven.test.skip")
                || word.startsWith("-DskipITs"));
        String phase = lastPhase(words).orElseThrow();
        assertThat(reaches(phase, "verify")).as("failsafe's verify goal runs").isTrue();
        assertThat(executionPhase("exec-maven-plugin", "test-prerequisites")).isEqualTo("initialize");
        assertThat(readme).contains("chromium-driver");
    }

    /** The command in the README's "The two commands" table whose row starts with {@code **name**}. */
    private static String readmeCommand(String name) {
        Matcher row = Pattern.compile("(?m)^\\|\\s*\\*\\*" + name + "\\*\\*.*\\|\\s*`([^`]+)`\\s*\\|\\s*$").matcher(readme);
        assertThat(row.find()).as("README row for the %s command", name).isTrue();
        String command = row.group(1);
        assertThat(row.find()).as("one README row for the %s command", name).isFalse();
        return command;
    }

    private static List<String> words(String command) {
        return Arrays.asList(command.trim().split("\\s+"));
    }

    private static Optional<String> lastPhase(List<String> words) {
        return words.stream().filter(LIFECYCLE::contains).reduce((first, second) -> second);
    }

    private static boolean reaches(String phase, String needed) {
        assertThat(LIFECYCLE).contains(needed);
        return LIFECYCLE.indexOf(phase) >= LIFECYCLE.indexOf(needed);
    }

    private static String executionPhase(String artifactId, String executionId) {
        NodeList executions = pom.getElementsByTagName("execution");
        for (int i = 0; i < executions.getLength(); i++) {
            Element execution = (Element) executions.item(i);
            Element plugin = (Element) execution.getParentNode().getParentNode();
            if (text(execution, "id").equals(executionId) && text(plugin, "artifactId").equals(artifactId)) {
                return text(execution, "phase");
            }
        }
        throw new AssertionError("pom.xml has no execution " + executionId + " of " + artifactId);
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getElementsByTagName(child);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }
}
