package io.tandem.emulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The emulator's boundaries from ARCHITECTURE.md: it plays Microsoft and never sees the domain. */
class EmulatorArchitectureTest {

  private static JavaClasses emulator;

  @BeforeAll
  static void importEmulator() {
    emulator =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tandem.emulator");
  }

  @Test
  void emulator_neverDependsOnTheDomainOrTheAdapters() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.tandem.core..",
            "io.tandem.server..",
            "io.tandem.sip..",
            "io.tandem.graph..",
            "io.tandem.acs..")
        .because("the emulator plays Microsoft's side and never imports domain or adapter code")
        .check(emulator);
  }

  @Test
  void emulator_usesOnlyTheJdkMediaJainSipAndJackson() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "io.tandem.emulator..",
            "io.tandem.media..",
            "java..",
            "javax.net..",
            "javax.crypto..",
            "javax.naming.ldap..",
            "javax.security.auth.x500..",
            "javax.sip..",
            "javax.sdp..",
            "gov.nist..",
            "com.sun.net.httpserver..",
            "tools.jackson..",
            "org.jspecify..")
        .because("the emulator runs alone as a small jar (ARCHITECTURE.md, DEPENDENCIES.md)")
        .check(emulator);
  }
}
