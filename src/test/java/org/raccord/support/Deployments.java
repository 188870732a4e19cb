package org.raccord.support;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The packaged WAR under another name for each integration test class (each deploys its own). */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive raccord(String name) {
        return ShrinkWrap.create(ZipImporter.class, name + ".war")
                .importFrom(new File(System.getProperty("raccord.it.war", "target/raccord.war")))
                .as(WebArchive.class);
    }
}
