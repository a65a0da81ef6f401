package io.tandem.acs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The Unify adapter's boundaries from ARCHITECTURE.md. */
class AcsArchitectureTest {

  @Test
  void acs_dependsOnlyOnCoreIdentityJacksonAndTheJdk() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "io.tandem.acs..",
            "io.tandem.core..",
            "io.tandem.identity..",
            "java..",
            "javax.net..",
            "javax.crypto..",
            "tools.jackson..",
            "org.jspecify..")
        .because("adapters never import each other, the emulator or the server")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tandem.acs"));
  }
}
