package org.dit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.axonframework.serialization.Revision;
import org.dit.events.episode.EpisodeEvent;
import org.dit.events.therapist.TherapistEvent;

/** The module boundaries of DESIGN §4, checked on the compiled classes of every module. */
@AnalyzeClasses(packages = "org.dit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final ArchCondition<JavaClass> BE_RECORDS = new ArchCondition<>("be records") {
        @Override
        public void check(JavaClass item, ConditionEvents events) {
            boolean record = item.reflect().isRecord();
            events.add(new SimpleConditionEvent(item, record, item.getName() + (record ? " is" : " is not") + " a record"));
        }
    };

    @ArchTest
    static final ArchRule sharedEventsAreFreeOfSpringJacksonAndJpa = noClasses()
            .that().resideInAPackage("org.dit.events..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.fasterxml.jackson..",
                    "jakarta.persistence..", "javax.persistence..", "org.hibernate..");

    @ArchTest
    static final ArchRule sharedEventsUseNoOtherModule = noClasses()
            .that().resideInAPackage("org.dit.events..")
            .should().dependOnClassesThat().resideInAnyPackage("org.dit.command..", "org.dit.query..", "org.dit.config..");

    @ArchTest
    static final ArchRule commandSideNeverUsesQuerySide = noClasses()
            .that().resideInAPackage("org.dit.command..")
            .should().dependOnClassesThat().resideInAPackage("org.dit.query..");

    @ArchTest
    static final ArchRule querySideNeverUsesCommandSide = noClasses()
            .that().resideInAPackage("org.dit.query..")
            .should().dependOnClassesThat().resideInAPackage("org.dit.command..");

    @ArchTest
    static final ArchRule eventsAreRecords = classes()
            .that().implement(EpisodeEvent.class).or().implement(TherapistEvent.class)
            .should(BE_RECORDS);

    @ArchTest
    static final ArchRule eventsCarryARevision = classes()
            .that().implement(EpisodeEvent.class).or().implement(TherapistEvent.class)
            .should().beAnnotatedWith(Revision.class);
}
