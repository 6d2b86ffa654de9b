package org.dit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.axonframework.serialization.Revision;
import org.dit.events.client.ClientEvent;
import org.dit.events.episode.EpisodeEvent;
import org.dit.events.therapist.TherapistEvent;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The module boundaries (docs/design.md §4) and the homes of infra's concerns, checked on the compiled classes of every
 * module: the domain modules know nothing of the runnable service; infra's wiring packages (event store, projections,
 * HTTP, database) know nothing of its features (audit, security, demo); every endpoint declares who may call it.
 */
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
            .should().dependOnClassesThat().resideInAnyPackage("org.dit.command..", "org.dit.query..", "org.dit.demo..",
                    "org.dit.eventstore..", "org.dit.projections..", "org.dit.http..", "org.dit.database..", "org.dit.security..",
                    "org.dit.audit..");

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
            .that().implement(EpisodeEvent.class).or().implement(TherapistEvent.class).or().implement(ClientEvent.class)
            .should(BE_RECORDS);

    @ArchTest
    static final ArchRule eventsCarryARevision = classes()
            .that().implement(EpisodeEvent.class).or().implement(TherapistEvent.class).or().implement(ClientEvent.class)
            .should().beAnnotatedWith(Revision.class);

    private static final String[] INFRA = {"org.dit.eventstore..", "org.dit.projections..", "org.dit.http..",
            "org.dit.database..", "org.dit.security..", "org.dit.audit..", "org.dit.demo.."};

    @ArchTest
    static final ArchRule domainModulesNeverUseTheService = noClasses()
            .that().resideInAnyPackage("org.dit.command..", "org.dit.query..")
            .should().dependOnClassesThat().resideInAnyPackage(INFRA);

    @ArchTest
    static final ArchRule theDemoOnlySendsCommands = noClasses()
            .that().resideInAPackage("org.dit.demo..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.dit.query..", "org.dit.eventstore..", "org.dit.projections..", "org.dit.http..", "org.dit.database..",
                    "org.dit.security..", "org.dit.audit..");

    @ArchTest
    static final ArchRule wiringNeverUsesFeatures = noClasses()
            .that().resideInAnyPackage("org.dit.eventstore..", "org.dit.projections..", "org.dit.http..", "org.dit.database..")
            .should().dependOnClassesThat().resideInAnyPackage("org.dit.security..", "org.dit.audit..", "org.dit.demo..");

    @ArchTest
    static final ArchRule problemDocumentsHaveOneHome = noClasses()
            .that().resideOutsideOfPackage("org.dit.http..")
            .should().dependOnClassesThat().areAssignableTo(org.springframework.http.ProblemDetail.class)
            .orShould().dependOnClassesThat().areAssignableTo(org.springframework.web.ErrorResponseException.class);

    private static final ArchCondition<JavaMethod> HAVE_AN_ACCESS_RULE = new ArchCondition<>("have an access rule") {
        @Override
        public void check(JavaMethod method, ConditionEvents events) {
            boolean ruled = method.isAnnotatedWith(PreAuthorize.class) || method.getOwner().isAnnotatedWith(PreAuthorize.class);
            events.add(new SimpleConditionEvent(method, ruled, method.getFullName()
                    + (ruled ? " declares" : " declares no") + " @PreAuthorize (on itself or its class)"));
        }
    };

    @ArchTest
    static final ArchRule everyEndpointDeclaresWhoMayCallIt = methods()
            .that().areAnnotatedWith(GetMapping.class).or().areAnnotatedWith(PostMapping.class)
            .or().areAnnotatedWith(PutMapping.class).or().areAnnotatedWith(DeleteMapping.class)
            .or().areAnnotatedWith(PatchMapping.class)
            .or().areAnnotatedWith(RequestMapping.class)
            .and().areDeclaredInClassesThat().resideOutsideOfPackage("org.dit.http..")
            .should(HAVE_AN_ACCESS_RULE);
}
