package org.dubgate.it;

import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The EAR exactly as the build made it, optionally with test classes inside its web module. */
public final class Deployments {

    private static final String WEB_MODULE = "dubgate-web.war";

    private Deployments() {
    }

    public static EnterpriseArchive ear() {
        File ear = new File(System.getProperty("dubgate.it.ear", "target/dubgate.ear"));
        return ShrinkWrap.create(ZipImporter.class, "dubgate.ear").importFrom(ear).as(EnterpriseArchive.class);
    }

    /** The EAR with {@code classes} added to its web module, for tests that run inside the server. */
    public static EnterpriseArchive earWith(Class<?>... classes) {
        EnterpriseArchive ear = ear();
        WebArchive web = ShrinkWrap.create(ZipImporter.class, WEB_MODULE)
                .importFrom(ear.get(ArchivePaths.create(WEB_MODULE)).getAsset().openStream()).as(WebArchive.class);
        web.addClasses(classes);
        ear.delete(WEB_MODULE);
        ear.addAsModule(web);
        return ear;
    }
}
