package org.dubgate.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name a raw-body upload was sent with: {@code ?name=} or the {@code Content-Disposition}
 * filename. A label only: what a file is gets decided by its bytes.
 */
public final class UploadNames {

    private static final Pattern FILENAME = Pattern.compile("filename=\"?([^\";]+)\"?");

    private UploadNames() {
    }

    public static String of(String nameParam, String disposition) {
        return Optional.ofNullable(nameParam).filter(n -> !n.isBlank()).or(() -> fromDisposition(disposition))
                .orElse("upload");
    }

    private static Optional<String> fromDisposition(String disposition) {
        if (disposition == null) {
            return Optional.empty();
        }
        Matcher m = FILENAME.matcher(disposition);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
