package org.dubgate.infrastructure.storage;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real S3 server for the tests: S3Proxy over a folder, in a process of its own (the jar the build
 * copies to target/, {@code -Ds3proxy.jar}). Its objects live in the folder, so they outlive a restart.
 */
final class S3Proxy implements AutoCloseable {

    static final String IDENTITY = "dubgate-test";
    static final String CREDENTIAL = "dubgate-test-secret";

    private final Path dir;
    private final int port;
    private Process process;

    private S3Proxy(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static S3Proxy start(Path dir) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Files.createDirectories(dir.resolve("data"));
        Files.write(dir.resolve("s3proxy.conf"), List.of(
                "s3proxy.endpoint=" + "http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + IDENTITY,
                "s3proxy.credential=" + CREDENTIAL,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + dir.resolve("data")));
        S3Proxy proxy = new S3Proxy(dir, port);
        proxy.run();
        return proxy;
    }

    private void run() throws IOException {
        String jar = Optional.ofNullable(System.getProperty("s3proxy.jar")).orElseThrow(() -> new IllegalStateException(
                "-Ds3proxy.jar is not set: the build copies S3Proxy to ejb/target/s3proxy/s3proxy.jar (mvn test)"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        process = new ProcessBuilder(java.toString(), "-Xmx256m", "-jar", jar, "--properties",
                dir.resolve("s3proxy.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("s3proxy.log").toFile()))
                .start();
        await("S3Proxy on port " + port).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("S3Proxy exited with " + process.exitValue() + ", see "
                                + dir.resolve("s3proxy.log"));
                    }
                    return answers();
                });
    }

    private boolean answers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Stops the server and starts it again on the same port over the same folder. */
    void restart() throws IOException {
        stop();
        run();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Configuration for {@code dubgate.storage=s3} against this server. */
    Map<String, String> config(String bucket, Path cacheDir) {
        return Map.of("dubgate.storage", "s3", S3Settings.ENDPOINT, endpoint().toString(), S3Settings.BUCKET, bucket,
                S3Settings.ACCESS_KEY, IDENTITY, S3Settings.SECRET_KEY, CREDENTIAL, S3Settings.CACHE_DIR, cacheDir.toString());
    }

    /** A client of its own, to look at the bucket from outside the store. */
    S3Client client() {
        return client(List.of());
    }

    /** A client whose requests {@code watching} see as they go (a test counting what a store asks). */
    S3Client client(List<ExecutionInterceptor> watching) {
        return S3Client.builder().endpointOverride(endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .overrideConfiguration(o -> o.executionInterceptors(watching))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, CREDENTIAL)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while stopping S3Proxy", e));
        }
    }

    @Override
    public void close() {
        stop();
    }
}
