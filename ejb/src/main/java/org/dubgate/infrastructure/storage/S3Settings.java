package org.dubgate.infrastructure.storage;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the S3-compatible store keeps content and how it signs in, read from configuration
 * ({@code dubgate.s3.*}, {@code dubgate.storage.cache-dir}). Whatever is missing or malformed is
 * refused here with the key to set, so a misconfigured node fails its deployment instead of its
 * first upload.
 *
 * @param credentials empty: the SDK's default chain (environment, profile, instance role)
 */
public record S3Settings(URI endpoint, String bucket, String region, Optional<Credentials> credentials, Path cacheDir,
                         long cacheMaxBytes) {

    /** An access key and its secret; the secret is never printed. */
    public record Credentials(String accessKey, String secretKey) {
        @Override
        public String toString() {
            return "access key " + accessKey;
        }
    }

    public static final String ENDPOINT = "dubgate.s3.endpoint";
    public static final String BUCKET = "dubgate.s3.bucket";
    public static final String REGION = "dubgate.s3.region";
    public static final String ACCESS_KEY = "dubgate.s3.access-key";
    public static final String SECRET_KEY = "dubgate.s3.secret-key";
    public static final String CACHE_DIR = "dubgate.storage.cache-dir";
    public static final String CACHE_MAX_BYTES = "dubgate.storage.cache-max-bytes";
    /** 20 GiB: a 90-minute feature's stems, mixes and lines in ten languages, with room to spare. */
    static final long DEFAULT_CACHE_MAX_BYTES = 20L << 30;

    /** @param config a configuration value by its key, empty when unset or blank */
    public static S3Settings from(Function<String, Optional<String>> config) {
        Function<String, Optional<String>> value = key -> config.apply(key).map(String::trim).filter(v -> !v.isEmpty());
        String endpoint = value.apply(ENDPOINT).orElseThrow(() -> new IllegalStateException(
                "dubgate.storage=s3 needs " + ENDPOINT + ", the URL of the S3 server (e.g. http://127.0.0.1:9000)"));
        String bucket = value.apply(BUCKET).orElseThrow(() -> new IllegalStateException(
                "dubgate.storage=s3 needs " + BUCKET + ", the bucket to keep content in (made at start if missing)"));
        Optional<String> access = value.apply(ACCESS_KEY);
        Optional<String> secret = value.apply(SECRET_KEY);
        if (access.isPresent() != secret.isPresent()) {
            throw new IllegalStateException("dubgate.storage=s3 has " + (access.isPresent() ? ACCESS_KEY : SECRET_KEY)
                    + " but not " + (access.isPresent() ? SECRET_KEY : ACCESS_KEY) + ": set both, or neither to use "
                    + "the AWS SDK's default credentials (environment, profile, instance role)");
        }
        Path cache = value.apply(CACHE_DIR).map(Path::of).orElseGet(() -> Path.of(System.getProperty(
                "jboss.server.data.dir", System.getProperty("java.io.tmpdir")), "dubgate", "cache"));
        long cacheMax = value.apply(CACHE_MAX_BYTES).map(v -> {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                return -1L;
            }
        }).orElse(DEFAULT_CACHE_MAX_BYTES);
        if (cacheMax < (1L << 20)) {
            throw new IllegalStateException(CACHE_MAX_BYTES + " is '" + value.apply(CACHE_MAX_BYTES).orElse("")
                    + "': the bytes this node's cache of objects may take, at least 1048576");
        }
        return new S3Settings(endpointUri(endpoint), bucket, value.apply(REGION).orElse("us-east-1"),
                access.map(a -> new Credentials(a, secret.orElseThrow())), cache, cacheMax);
    }

    private static URI endpointUri(String endpoint) {
        try {
            URI uri = new URI(endpoint);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException malformed) {
            // refused below with the key to fix
        }
        throw new IllegalStateException(ENDPOINT + " is '" + endpoint + "': not an http:// or https:// URL of an S3 server");
    }

    /**
     * A blocking client over the JDK's HttpURLConnection with path-style addresses
     * ({@code <endpoint>/<bucket>/<key>}: S3-compatible servers seldom have a DNS name per bucket).
     * Checksums only where S3 requires them: the newer default trailing checksums are not understood
     * by every S3-compatible server, and every object is checked against its SHA-256 address anyway.
     */
    S3Client client() {
        AwsCredentialsProvider signIn = credentials.<AwsCredentialsProvider>map(c -> StaticCredentialsProvider.create(
                AwsBasicCredentials.create(c.accessKey(), c.secretKey())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(signIn)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofMinutes(2)))
                .build();
    }

    @Override
    public String toString() {
        return "bucket " + bucket + " at " + endpoint + " (" + region + ", "
                + credentials.map(Credentials::toString).orElse("default credentials") + "), cache " + cacheDir
                + " (at most " + (cacheMaxBytes >> 20) + " MiB)";
    }
}
