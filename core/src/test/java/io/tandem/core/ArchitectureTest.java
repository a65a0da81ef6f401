package io.tandem.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module boundaries of ARCHITECTURE.md, as far as they concern {@code core}. */
class ArchitectureTest {

  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tandem.core");
  }

  @Test
  void core_dependsOnlyOnTheJdkAndJspecify() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("io.tandem.core..", "java..", "org.jspecify..")
        .because("core is the domain: JDK and jspecify only (ARCHITECTURE.md, house rule 1)")
        .check(core);
  }

  @Test
  void core_usesNoDesktopOrSqlOrLoggingApisOfTheJdk() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "java.awt..", "javax..", "java.util.logging..")
        .because("the domain has no persistence, UI or logging handles (house rule 8)")
        .check(core);
  }

  @Test
  void internalPackages_areUsedOnlyByTheirOwnFeature() {
    classes()
        .should(useOnlyTheirOwnFeaturesInternals())
        .because("a feature's internal package is hidden from other features (house rule 2)")
        .check(core);
  }

  private static ArchCondition<JavaClass> useOnlyTheirOwnFeaturesInternals() {
    return new ArchCondition<>("use no other feature's internal package") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        String feature = featureOf(origin.getPackageName());
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          String target = dependency.getTargetClass().getPackageName();
          if (target.contains(".internal") && !featureOf(target).equals(feature)) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  /** {@code io.tandem.core.routing.internal.x} → {@code routing}. */
  private static String featureOf(String packageName) {
    String rest = packageName.startsWith("io.tandem.core.") ? packageName.substring(15) : "";
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  @Test
  void coreReadsNoWallClock() {
    noClasses()
        .should()
        .callMethod(java.time.Instant.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .because("time is injected (house rule 7)")
        .check(core);
  }
}
