package org.raccord.production;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * What an operator does before starting the production package (README "Running in production"):
 * unpack it into an empty folder, make a TLS keystore, a PostgreSQL database and role, and write
 * each server's server.env and user registry.
 */
final class ProductionHome {

    static final Path PACKAGE = Path.of(System.getProperty("raccord.it.productionPackage", "target/raccord-production.zip"));
    /** The test run's Liberty, where the owner's own server (raccord-owner) lives. */
    static final Path TEST_LIBERTY = Path.of("target/liberty/wlp").toAbsolutePath();

    final Path home;
    final String keystorePassword = UUID.randomUUID().toString();
    final String operatorPassword = UUID.randomUUID().toString();

    private ProductionHome(Path home) {
        this.home = home;
    }

    /** The package unpacked into {@code home} (emptied first), with a keystore for localhost. */
    static ProductionHome unpacked(Path home) throws Exception {
        deleteTree(home);
        Files.createDirectories(home);
        ProductionHome made = new ProductionHome(home);
        exec("unzip", "-q", PACKAGE.toAbsolutePath().toString(), "-d", home.toAbsolutePath().toString());
        exec("keytool", "-genkeypair", "-alias", "raccord", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", made.keystore().toString(), "-storepass", made.keystorePassword, "-keypass", made.keystorePassword);
        return made;
    }

    Path keystore() {
        return home.resolve("tls.p12").toAbsolutePath();
    }

    Path wlp() {
        return home.resolve("wlp").toAbsolutePath();
    }

    /** A database and role of this name, beside those of the other PostgreSQL suites; returns the role's password. */
    static String createDatabase(String name) throws Exception {
        String password = UUID.randomUUID().toString();
        String url = "jdbc:postgresql://localhost:" + System.getProperty("raccord.it.postgres.port") + "/postgres";
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("drop role if exists " + name);
            s.execute("create role " + name + " login password '" + password + "'");
            s.execute("create database " + name + " owner " + name);
        }
        return password;
    }

    /** A connection to that database, as its owner would open one. */
    static Connection database(String name, String password) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + System.getProperty("raccord.it.postgres.port")
                + "/" + name, name, password);
    }

    /** That database as a data source (Flyway's way in). */
    static javax.sql.DataSource dataSource(String name, String password) {
        org.postgresql.ds.PGSimpleDataSource source = new org.postgresql.ds.PGSimpleDataSource();
        source.setURL("jdbc:postgresql://localhost:" + System.getProperty("raccord.it.postgres.port") + "/" + name);
        source.setUser(name);
        source.setPassword(password);
        return source;
    }

    /** A server's server.env (appended: Liberty's own ends without a newline) and its registry of people. */
    void configure(Path server, Map<String, String> env) throws IOException {
        StringBuilder serverEnv = new StringBuilder("\n");
        env.forEach((name, value) -> serverEnv.append(name).append('=').append(value).append('\n'));
        Files.writeString(server.resolve("server.env"), serverEnv, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Path overrides = Files.createDirectories(server.resolve("configDropins/overrides"));
        Files.writeString(overrides.resolve("operators.xml"), """
                <server>
                  <basicRegistry id="operators" realm="raccord">
                    <user name="ops" password="%s"/>
                    <group name="admin"><member name="ops"/></group>
                  </basicRegistry>
                </server>
                """.formatted(operatorPassword));
    }

    /** TLS that trusts this home's keystore alone. */
    SSLContext trusting() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore())) {
            trusted.load(in, keystorePassword.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void exec(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
