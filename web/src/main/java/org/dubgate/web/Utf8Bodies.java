package org.dubgate.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.dubgate.media.script.Utf8;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * JSON request bodies must be UTF-8 (RFC 8259). The JSON provider decodes with Java's lenient
 * decoder, which turns every invalid byte into U+FFFD without a word: a script in Latin-1 would be
 * accepted and dubbed with a replacement character for every accent. So the body is checked as the
 * provider reads it (in passing, no copy), and the first invalid sequence ends the request as a 400
 * naming its byte offset ({@link org.dubgate.web.problem.ProblemMapper}).
 */
@Provider
public class Utf8Bodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && isJson(type) && declaresUtf8OrNothing(type)) {
            context.setInputStream(Utf8.checking(context.getInputStream()));
        }
        return context.proceed();
    }

    private static boolean isJson(MediaType type) {
        return type.getType().equalsIgnoreCase("application")
                && (type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().toLowerCase().endsWith("+json"));
    }

    private static boolean declaresUtf8OrNothing(MediaType type) {
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return charset == null || charset.equalsIgnoreCase(StandardCharsets.UTF_8.name());
    }
}
