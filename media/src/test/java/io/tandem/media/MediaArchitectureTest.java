package io.tandem.media;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The boundary of the media module: the JDK and jspecify, nothing else. */
class MediaArchitectureTest {

  private static JavaClasses media;

  @BeforeAll
  static void importMedia() {
    media =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tandem.media");
  }

  @Test
  void media_dependsOnlyOnTheJdkAndJspecify() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("io.tandem.media..", "java..", "javax.crypto..", "org.jspecify..")
        .because("the media plane is the JDK alone (DEPENDENCIES.md, SIP and media)")
        .check(media);
  }

  @Test
  void packages_formNoCycles() {
    slices()
        .matching("io.tandem.media.(*)..")
        .should()
        .beFreeOfCycles()
        .because("layers build upwards: codec and rtp, then dtmf and session, then bridge and mix")
        .check(media);
  }

  @Test
  void media_readsNoWallClock() {
    noClasses()
        .should()
        .callMethod(java.time.Instant.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .because("media time comes from an injected pacer or nanosecond clock (house rule 7)")
        .check(media);
  }

  @Test
  void media_usesNoSqlOrDesktopApisOfTheJdk() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "java.awt..")
        .because("media handles sound and sockets, not databases or windows")
        .check(media);
  }
}
