package io.tandem.sip;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The Connect adapter's boundaries from ARCHITECTURE.md. */
class SipArchitectureTest {

  @Test
  void sip_dependsOnlyOnCoreMediaAndTheJdk() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "io.tandem.sip..",
            "io.tandem.core..",
            "io.tandem.media..",
            "java..",
            "javax.net..",
            "javax.naming.ldap..",
            "javax.security.auth.x500..",
            "org.jspecify..")
        .because("adapters never import each other, the emulator or the server")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tandem.sip"));
  }
}
