package org.dubgate.application.pipeline;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.dubgate.media.mix.DecodedAudio;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * Each source's audio decoded once on this node for all its stages and languages ({@link
 * DecodedAudio}): the bed's loudness and the full mix of every language's MIX, and CHECK's level of
 * the original, read what the first of them decoded. Kept under {@code <server data
 * dir>/dubgate/decoded} across restarts (the files are named after the store's content-addressed
 * files, which never change), at most {@code dubgate.media.decoded-bytes} (8 GiB: a 90-minute 5.1
 * feature is about 3 GiB), never leaving the disk under 2 GiB free; 0 turns it off.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DecodedSources {

    private static final Logger LOG = Logger.getLogger(DecodedSources.class.getName());

    @Inject
    WorkingFolders folders;
    @Inject
    @ConfigProperty(name = "dubgate.media.decoded-bytes", defaultValue = "8589934592")
    long maxBytes;

    @PostConstruct
    void atStart() {
        Path folder = folders.root().resolveSibling("decoded");
        try {
            DecodedAudio.keepIn(folder, maxBytes);
            LOG.info(() -> maxBytes > 0 ? "decoded sources kept in " + folder + ", at most " + maxBytes + " bytes"
                    : "decoded sources not kept (dubgate.media.decoded-bytes=0)");
        } catch (IOException e) {
            // slower, not wrong: every reader decodes
            LOG.warning(() -> "decoded sources not kept: cannot use " + folder + ": " + e);
        }
    }

    @PreDestroy
    void atStop() {
        DecodedAudio.off();
    }
}
