package io.tandem.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class IdentityArchitectureTest {

  @Test
  void identity_usesOnlyTheJdkAndJackson() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "io.tandem.identity..", "java..", "javax.net..", "tools.jackson..", "org.jspecify..")
        .because("the adapters share it; it must not pull the domain, the emulator or a framework")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tandem.identity"));
  }
}
